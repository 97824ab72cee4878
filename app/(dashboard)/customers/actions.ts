"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireOrg } from "@/app/_server/context";
import { createCustomer, updateCustomer } from "@/db/queries/customers";
import { customerSchema, type CustomerInput } from "@/lib/customers/customer-schema";
import { fieldErrorsOf, type ActionResult } from "@/lib/forms/action-result";

export async function createCustomerAction(
  input: CustomerInput,
): Promise<ActionResult<{ id: string }>> {
  const { db, tenant } = await requireOrg();
  const parsed = customerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const id = await createCustomer(db, tenant, parsed.data);
  revalidatePath("/customers");
  return { ok: true, data: { id } };
}

export async function updateCustomerAction(
  id: string,
  input: CustomerInput,
): Promise<ActionResult> {
  const { db, tenant } = await requireOrg();
  const notFound = { ok: false, fieldErrors: {}, formError: "customers.notFound" } as const;
  if (!z.string().uuid().safeParse(id).success) return notFound;
  const parsed = customerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  if (!(await updateCustomer(db, tenant, id, parsed.data))) return notFound;
  revalidatePath("/customers");
  revalidatePath(`/customers/${id}`);
  return { ok: true };
}
