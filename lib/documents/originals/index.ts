export {
  ISSUED_PDF_KEY,
  ISSUED_UBL_KEY,
  peppolAnswerKey,
  peppolUblKey,
  storeOriginal,
  type StoreOriginalInput,
  type StoredOriginal,
} from "./store-original";
export {
  DocumentNotIssuedError,
  findIssuedPdf,
  issuedPdf,
  originalFileStem,
  storeIssuedPdf,
} from "./issued-pdf";
export { findIssuedUbl, issuedUbl, ublText } from "./issued-ubl";
export { listOriginals, type DocumentOriginalInfo } from "@/db/queries/document-originals";
