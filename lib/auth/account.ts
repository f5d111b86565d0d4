import type { Role } from '@/lib/policy/roles';

/** The signed-in user as the browser sees it (GET /api/account, and the layout's props). */
export interface Account {
  id: string;
  name: string | null;
  email: string | null;
  image: string | null;
  role: Role;
  hasPassword: boolean;
}

export function toAccount(user: Account): Account {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    image: user.image,
    role: user.role,
    hasPassword: user.hasPassword,
  };
}
