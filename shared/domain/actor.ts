/** Who made a change or read a record, as kept on timeline events and audit records. */
export interface Actor {
  memberId: string;
  name: string;
  role: string;
  requestId: string;
  sourceIp: string;
}
