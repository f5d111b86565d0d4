import { cn } from '@/components/ui/cn';
import type { Role } from '@/lib/policy/roles';

const styles: Record<Role, string> = {
  admin: 'border-accent/30 bg-accent/10 text-accent',
  user: 'border-line bg-surface-muted text-ink-muted',
  guest: 'border-warning/35 bg-warning/10 text-warning',
};

export function RoleBadge({ role, label, className }: { role: Role; label: string; className?: string }) {
  return (
    <span
      data-testid="role-badge"
      data-role={role}
      className={cn(
        'inline-flex h-5 shrink-0 items-center rounded-full border px-1.5 text-[11px] font-medium leading-none',
        styles[role],
        className,
      )}
    >
      {label}
    </span>
  );
}
