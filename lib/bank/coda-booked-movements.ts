import { movementMills, transactionType, type CodaMovement } from "./coda-movement";

/**
 * The movements that are bookings on the account, so that lines add up to the balance
 * without counting a globalised total and its details twice.
 *
 * A movement (detail 0000) of type 0-3 is booked; records numbered 0001… under it are its
 * details. Details are booked *instead of* their total when the total is a globalisation
 * (type 1 made by the customer, type 2 made by the bank: "the total amount of a series
 * of credit transfers with a structured communication") and the details add up to it
 * exactly, because each detail then is one customer's payment with its own OGM, the
 * same way camt.053 batches are split per `TxDtls`. Otherwise the total stays one line.
 * Details of a type 3 movement (charges, capital/interest: types 8) never replace it, and
 * type 9 is information only. One real sample files its details as type 0 under a type 1
 * total, which the sequence grouping handles the same way.
 */
export function bookedMovements(movements: readonly CodaMovement[]): CodaMovement[] {
  const groups = new Map<string, CodaMovement[]>();
  for (const movement of movements) {
    const group = groups.get(movement.sequence);
    if (group) group.push(movement);
    else groups.set(movement.sequence, [movement]);
  }

  const booked: CodaMovement[] = [];
  for (const group of groups.values()) {
    const total = group.find((movement) => movement.detail === "0000");
    if (!total) {
      booked.push(...group.filter((movement) => transactionType(movement) <= 3));
      continue;
    }
    const type = transactionType(total);
    if (type > 3) continue;
    const details = group.filter(
      (movement) => movement !== total && transactionType(movement) !== 9,
    );
    const detailsMills = details.reduce((sum, detail) => sum + movementMills(detail), 0n);
    if ((type === 1 || type === 2) && details.length > 0 && detailsMills === movementMills(total)) {
      booked.push(...details);
    } else {
      booked.push(total);
    }
  }
  return booked;
}
