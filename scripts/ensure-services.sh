#!/usr/bin/env bash
# Makes sure Debian's Chromium, a PostgreSQL with trust auth on 127.0.0.1:5432 and a Redis on
# 127.0.0.1:6379 are there and running. Installs them from Debian's packages when missing.
set -euo pipefail

apt_updated=0
apt_install() {
  if [ "$(id -u)" != "0" ]; then echo "need root to apt-get install $*" >&2; exit 1; fi
  if [ "$apt_updated" = 0 ]; then apt-get -o DPkg::Lock::Timeout=300 update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq "$@" >/dev/null
}

if [ ! -x /usr/bin/chromium ]; then
  echo "installing chromium"
  apt_install chromium fonts-noto-cjk
fi

pg_ready() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
if ! pg_ready; then
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    echo "installing postgresql"
    apt_install postgresql
  fi
  version=$(ls /etc/postgresql | sort -V | tail -1)
  hba=/etc/postgresql/$version/main/pg_hba.conf
  if ! grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  fi
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
fi
pg_ready || { echo "PostgreSQL did not start" >&2; exit 1; }
psql -h 127.0.0.1 -U postgres -d postgres -tAc 'select 1' >/dev/null

redis_ready() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }
if ! redis_ready; then
  command -v redis-server >/dev/null || { echo "installing redis"; apt_install redis-server; }
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 30); do redis_ready && break; sleep 0.5; done
fi
redis_ready || { echo "Redis did not start" >&2; exit 1; }
echo "chromium, postgresql and redis are ready"
