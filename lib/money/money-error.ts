/** Why a money value was refused; callers map the code to a form or HTTP error. */
export type MoneyErrorCode =
  | "invalid_decimal"
  | "too_many_decimals"
  | "unsafe_integer"
  | "invalid_currency"
  | "invalid_percent";

export class MoneyError extends Error {
  readonly code: MoneyErrorCode;

  constructor(code: MoneyErrorCode, message: string) {
    super(message);
    this.name = "MoneyError";
    this.code = code;
  }
}
