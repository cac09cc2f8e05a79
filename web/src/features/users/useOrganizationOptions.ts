import { useQuery } from '@tanstack/react-query';
import { fetchOrganizations } from '../organizations/organizations.api';

/** Organisations a user or role can be placed in: those the server lets this administrator see. */
export const useOrganizationOptions = () =>
  useQuery({
    queryKey: ['organizations', 'options'],
    queryFn: () => fetchOrganizations({ limit: 200, offset: 0 }),
    select: (d) => d.items.filter((o) => o.active),
    staleTime: 60_000,
  });
