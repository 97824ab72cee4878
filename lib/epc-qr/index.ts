export {
  buildEpcPayload,
  EPC_MAX_NAME,
  EPC_MAX_PAYLOAD_BYTES,
  type EpcPaymentInput,
} from "./build-epc-payload";
export { EpcQrError, type EpcQrErrorCode } from "./epc-qr-error";
export { epcQrPngDataUrl } from "./epc-qr-image";
