import type { PersonDto, TeamDto } from '@lcs/shared';
import { DataTable } from '../DataTable.tsx';
import { PersonRow } from './PersonRow.tsx';

export interface PeopleTableProps {
  people: readonly PersonDto[];
  teams: readonly TeamDto[];
  /** The facilitator using the page: they cannot change their own role or revoke themselves here. */
  me: PersonDto;
  /** Called with the server's answer after a change to one person. */
  onUpdated: (person: PersonDto) => void;
}

/** Everyone in the workshop and every facilitator: role, teams, and revocation. */
export function PeopleTable({ people, teams, me, onUpdated }: PeopleTableProps) {
  if (people.length === 0) return <p className="muted">No one has joined yet.</p>;
  return (
    <DataTable label="People" columns={['Name', 'Role', 'Teams']}>
      {people.map((person) => (
        <PersonRow key={person.id} person={person} teams={teams} isMe={person.id === me.id} onUpdated={onUpdated} />
      ))}
    </DataTable>
  );
}
