/** Color of an ARCO request's deadline badge: overdue red, 5 business days or fewer yellow. */
export function deadlineColor(daysLeft: number | null): string {
  if (daysLeft === null) return 'gray';
  if (daysLeft < 0) return 'red.9';
  if (daysLeft <= 5) return 'yellow';
  return 'teal.9';
}
