import { QueryClient } from '@tanstack/react-query';
import { AppError } from '@/lib/errors';

/** One client per browser tab (created once in the providers). */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change by asking again; network blips and 5xx get two more tries.
        retry: (failureCount, error) =>
          !(error instanceof AppError && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });
}
