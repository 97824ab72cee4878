import { Document, Image, Link, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ComponentProps } from "react";
import type { DocumentPdfModel, PdfLine } from "./document-pdf-model";
import { PDF_FONT_FAMILY } from "./register-fonts";

type ViewStyle = ComponentProps<typeof View>["style"];

const ink = "#1f2328";
const muted = "#59636e";
const rule = "#d0d7de";
const band = "#f3f5f7";

const s = StyleSheet.create({
  page: {
    fontFamily: PDF_FONT_FAMILY,
    fontSize: 9,
    color: ink,
    paddingTop: 36,
    paddingBottom: 56,
    paddingHorizontal: 40,
  },
  header: { flexDirection: "row", justifyContent: "space-between", marginBottom: 18 },
  sellerCol: { width: "55%", paddingRight: 12 },
  logo: { maxWidth: 160, maxHeight: 56, objectFit: "contain", marginBottom: 8 },
  sellerName: { fontSize: 11, fontWeight: "bold", marginBottom: 2 },
  sellerSmall: { fontSize: 8, color: muted },
  titleCol: { width: "45%", alignItems: "flex-end" },
  title: { fontSize: 20, fontWeight: "bold", marginBottom: 6, textAlign: "right" },
  draft: { color: "#b42318" },
  notAnInvoice: { fontWeight: "bold", marginBottom: 6, textAlign: "right" },
  // A Peppol-first document's PDF is a copy: said across the page, above the parties.
  copyNotice: {
    borderWidth: 1,
    borderColor: "#b42318",
    color: "#b42318",
    borderRadius: 3,
    padding: 6,
    marginBottom: 14,
    fontSize: 10,
    fontWeight: "bold",
    textAlign: "center",
  },
  metaRow: { flexDirection: "row", justifyContent: "flex-end", width: "100%" },
  // Wide enough for the longest label on one line ("Date de l'opération" at 9 pt).
  metaLabel: { color: muted, width: 100, textAlign: "right", paddingRight: 6 },
  metaValue: { maxWidth: 150, textAlign: "right", fontWeight: "bold" },
  parties: { flexDirection: "row", justifyContent: "space-between", marginBottom: 18 },
  partyBox: { width: "48%" },
  buyerBox: { width: "48%", borderWidth: 0.75, borderColor: rule, borderRadius: 3, padding: 8 },
  // Uppercased in code: react-pdf's textTransform dropped the first glyph of some words.
  caption: { fontSize: 7.5, color: muted, marginBottom: 3 },
  strong: { fontWeight: "bold" },
  muted: { color: muted },
  table: { marginBottom: 12 },
  thead: {
    flexDirection: "row",
    backgroundColor: band,
    borderBottomWidth: 0.75,
    borderBottomColor: rule,
    paddingVertical: 4,
    fontWeight: "bold",
    fontSize: 8,
  },
  row: {
    flexDirection: "row",
    borderBottomWidth: 0.5,
    borderBottomColor: rule,
    paddingVertical: 3,
  },
  cDesc: { flex: 1, paddingHorizontal: 4 },
  cQty: { width: 46, paddingHorizontal: 4, textAlign: "right" },
  cPrice: { width: 78, paddingHorizontal: 4, textAlign: "right" },
  cDisc: { width: 62, paddingHorizontal: 4, textAlign: "right" },
  cVat: { width: 52, paddingHorizontal: 4, textAlign: "right" },
  cAmount: { width: 78, paddingHorizontal: 4, textAlign: "right" },
  sku: { color: muted, fontSize: 7.5 },
  // The second line of a price or discount cell: VAT-inclusive price, discount percentage.
  sub: { color: muted, fontSize: 7.5 },
  summary: { flexDirection: "row", justifyContent: "space-between", marginBottom: 14 },
  vatTable: { width: "48%" },
  vatRow: { flexDirection: "row", paddingVertical: 2 },
  vatHead: { flexDirection: "row", paddingVertical: 2, color: muted, fontSize: 8 },
  vLabel: { width: "28%" },
  vNum: { width: "36%", textAlign: "right" },
  totals: { width: "44%" },
  totalRow: { flexDirection: "row", justifyContent: "space-between", paddingVertical: 2 },
  grandTotal: {
    flexDirection: "row",
    justifyContent: "space-between",
    borderTopWidth: 1,
    borderTopColor: ink,
    marginTop: 3,
    paddingTop: 4,
    fontSize: 11,
    fontWeight: "bold",
  },
  block: { marginBottom: 10 },
  payment: {
    flexDirection: "row",
    borderWidth: 0.75,
    borderColor: rule,
    borderRadius: 3,
    padding: 10,
    marginBottom: 10,
  },
  paymentText: { flex: 1, paddingRight: 12 },
  payRow: { flexDirection: "row", alignItems: "baseline", marginBottom: 2 },
  payLabel: { width: 150, color: muted },
  payValue: { flex: 1, fontWeight: "bold" },
  ogm: { fontSize: 12, fontWeight: "bold", letterSpacing: 0.5 },
  qrBox: { width: 96, alignItems: "center" },
  qr: { width: 96, height: 96 },
  qrCaption: { fontSize: 6.5, color: muted, textAlign: "center", marginTop: 2 },
  online: { flexDirection: "row", marginBottom: 10 },
  onlineItem: { flexDirection: "row", alignItems: "center", width: "50%", paddingRight: 12 },
  onlineQr: { width: 64, height: 64, marginRight: 8 },
  onlineText: { flex: 1 },
  onlineLink: { fontSize: 7, color: muted, marginTop: 2 },
  footer: {
    position: "absolute",
    left: 40,
    right: 40,
    bottom: 24,
    flexDirection: "row",
    justifyContent: "space-between",
    borderTopWidth: 0.5,
    borderTopColor: rule,
    paddingTop: 6,
    fontSize: 7.5,
    color: muted,
  },
  footerText: { flex: 1, paddingRight: 12 },
  // The page number is laid out before its text exists: it needs a width of its own.
  pageNumber: { width: 72, textAlign: "right" },
});

function Lines({ lines }: { lines: readonly string[] }) {
  return (
    <>
      {lines.map((line, i) => (
        <Text key={i}>{line}</Text>
      ))}
    </>
  );
}

function Meta({ label, value, draft }: { label: string; value: string; draft?: boolean }) {
  return (
    <View style={s.metaRow}>
      <Text style={s.metaLabel}>{label}</Text>
      <Text style={draft ? [s.metaValue, s.draft] : s.metaValue}>{value}</Text>
    </View>
  );
}

function TableHeader({ model }: { model: DocumentPdfModel }) {
  const l = model.labels;
  return (
    <View style={s.thead} fixed>
      <Text style={s.cDesc}>{l.description}</Text>
      <Text style={s.cQty}>{l.quantity}</Text>
      <Text style={s.cPrice}>{model.unitPriceLabel}</Text>
      {model.showDiscount ? <Text style={s.cDisc}>{l.discount}</Text> : null}
      <Text style={s.cVat}>{l.vatRate}</Text>
      <Text style={s.cAmount}>{l.amountExcl}</Text>
    </View>
  );
}

function LineRow({ line, showDiscount }: { line: PdfLine; showDiscount: boolean }) {
  return (
    <View style={s.row} wrap={false}>
      <View style={s.cDesc}>
        <Text>{line.description}</Text>
        {line.sku ? <Text style={s.sku}>{line.sku}</Text> : null}
      </View>
      <Text style={s.cQty}>{line.quantity}</Text>
      <View style={s.cPrice}>
        <Text>{line.unitPrice}</Text>
        {line.unitPriceIncl ? <Text style={s.sub}>{line.unitPriceIncl}</Text> : null}
      </View>
      {showDiscount ? (
        <View style={s.cDisc}>
          <Text>{line.discount ?? ""}</Text>
          {line.discountPercent ? <Text style={s.sub}>{line.discountPercent}</Text> : null}
        </View>
      ) : null}
      <Text style={s.cVat}>{line.vatRate}</Text>
      <Text style={s.cAmount}>{line.amount}</Text>
    </View>
  );
}

function Row({ label, value, style }: { label: string; value: string; style?: ViewStyle }) {
  return (
    <View style={style ?? s.totalRow}>
      <Text>{label}</Text>
      <Text>{value}</Text>
    </View>
  );
}

/** The printed document: a pure function of its view model (A4, DejaVu Sans). */
export function DocumentPdf({ model }: { model: DocumentPdfModel }) {
  const l = model.labels;
  const { seller, buyer, payment } = model;
  return (
    <Document
      title={`${model.title} ${model.numberText}`}
      author={seller.name}
      language={`${model.language}-BE`}
      creator="Facturo"
      producer="Facturo"
    >
      <Page size="A4" style={s.page}>
        <View style={s.header}>
          <View style={s.sellerCol}>
            {seller.logo ? (
              <Image style={s.logo} src={{ data: seller.logo.data, format: seller.logo.format }} />
            ) : null}
            <Text style={s.sellerName}>{seller.name}</Text>
            <Lines lines={seller.addressLines} />
            {seller.vatNumber ? (
              <Text>
                {l.vatNumber} {seller.vatNumber}
              </Text>
            ) : null}
            {seller.legalLines.map((line, i) => (
              <Text key={i} style={s.sellerSmall}>
                {line}
              </Text>
            ))}
            {seller.contactLine ? <Text style={s.sellerSmall}>{seller.contactLine}</Text> : null}
          </View>
          <View style={s.titleCol}>
            <Text style={s.title}>{model.title}</Text>
            {model.notAnInvoice ? <Text style={s.notAnInvoice}>{model.notAnInvoice}</Text> : null}
            <Meta label={l.number} value={model.numberText} draft={model.isDraft} />
            <Meta label={l.issueDate} value={model.issueDate} />
            {model.supplyDate ? <Meta label={l.supplyDate} value={model.supplyDate} /> : null}
            {model.dueDate ? <Meta label={l.dueDate} value={model.dueDate} /> : null}
            {model.reference ? <Meta label={l.reference} value={model.reference} /> : null}
            {model.creditedInvoice ? (
              <Meta label={l.creditedInvoice} value={model.creditedInvoice} />
            ) : null}
          </View>
        </View>

        {model.copyNotice ? <Text style={s.copyNotice}>{model.copyNotice}</Text> : null}

        <View style={s.parties}>
          <View style={s.partyBox}>
            {buyer?.deliveryAddressLines ? (
              <>
                <Text style={s.caption}>{l.deliveryAddress.toLocaleUpperCase()}</Text>
                <Lines lines={buyer.deliveryAddressLines} />
              </>
            ) : null}
          </View>
          {buyer ? (
            <View style={s.buyerBox}>
              <Text style={s.caption}>{l.customer.toLocaleUpperCase()}</Text>
              <Text style={s.strong}>{buyer.name}</Text>
              {buyer.contact ? <Text>{buyer.contact}</Text> : null}
              <Lines lines={buyer.addressLines} />
              {buyer.vatNumber ? (
                <Text>
                  {l.vatNumber} {buyer.vatNumber}
                </Text>
              ) : null}
            </View>
          ) : null}
        </View>

        <View style={s.table}>
          <TableHeader model={model} />
          {model.lines.map((line, i) => (
            <LineRow key={i} line={line} showDiscount={model.showDiscount} />
          ))}
        </View>

        <View style={s.summary} wrap={false}>
          <View style={s.vatTable}>
            {model.vatRows.length > 0 ? (
              <>
                <View style={s.vatHead}>
                  <Text style={s.vLabel}>{l.vatBreakdown}</Text>
                  <Text style={s.vNum}>{l.taxable}</Text>
                  <Text style={s.vNum}>{l.vat}</Text>
                </View>
                {model.vatRows.map((row, i) => (
                  <View key={i} style={s.vatRow}>
                    <Text style={s.vLabel}>{row.label}</Text>
                    <Text style={s.vNum}>{row.taxable}</Text>
                    <Text style={s.vNum}>{row.vat}</Text>
                  </View>
                ))}
              </>
            ) : null}
          </View>
          <View style={s.totals}>
            <Row label={l.totalExcl} value={model.totals.net} />
            <Row label={l.totalVat} value={model.totals.vat} />
            {model.totals.vatEur ? <Row label={l.totalVatEur} value={model.totals.vatEur} /> : null}
            <Row label={l.total} value={model.totals.total} style={s.grandTotal} />
            {model.totals.paid ? <Row label={l.paid} value={model.totals.paid} /> : null}
            {model.totals.due ? (
              <Row label={l.amountDue} value={model.totals.due} style={s.grandTotal} />
            ) : null}
          </View>
        </View>

        {model.mentions.length > 0 ? (
          <View style={s.block} wrap={false}>
            {model.mentions.map((mention, i) => (
              <Text key={i} style={s.strong}>
                {mention}
              </Text>
            ))}
          </View>
        ) : null}

        {model.legend ? (
          <View style={s.block}>
            <Text>{model.legend}</Text>
          </View>
        ) : null}

        {payment ? (
          <View style={s.payment} wrap={false}>
            <View style={s.paymentText}>
              <Text style={[s.caption, { marginBottom: 6 }]}>{l.payment.toLocaleUpperCase()}</Text>
              <View style={s.payRow}>
                <Text style={s.payLabel}>{l.amountDue}</Text>
                <Text style={s.payValue}>{payment.amountDue}</Text>
              </View>
              {payment.iban ? (
                <View style={s.payRow}>
                  <Text style={s.payLabel}>{l.iban}</Text>
                  <Text style={s.payValue}>{payment.iban}</Text>
                </View>
              ) : null}
              {payment.bic ? (
                <View style={s.payRow}>
                  <Text style={s.payLabel}>{l.bic}</Text>
                  <Text style={s.payValue}>{payment.bic}</Text>
                </View>
              ) : null}
              {payment.structuredCommunication ? (
                <View style={s.payRow}>
                  <Text style={s.payLabel}>{l.structuredCommunication}</Text>
                  <Text style={s.ogm}>{payment.structuredCommunication}</Text>
                </View>
              ) : null}
            </View>
            {payment.qrCode ? (
              <View style={s.qrBox}>
                <Image style={s.qr} src={payment.qrCode.pngDataUrl} />
                <Text style={s.qrCaption}>{l.scanToPay}</Text>
              </View>
            ) : null}
          </View>
        ) : null}

        {payment?.online?.length ? (
          <View style={s.online} wrap={false}>
            {payment.online.map((way) => (
              <View key={way.url} style={s.onlineItem}>
                <Image style={s.onlineQr} src={way.qrPngDataUrl} />
                <View style={s.onlineText}>
                  <Text style={{ fontWeight: "bold" }}>{way.label}</Text>
                  <Link src={way.url} style={s.onlineLink}>
                    {way.url}
                  </Link>
                </View>
              </View>
            ))}
          </View>
        ) : null}

        <View style={s.footer} fixed>
          {/* The title and number on every page: a loose page 3 still says whose it is. */}
          <Text style={s.footerText}>
            {model.title} {model.numberText} · {model.footer}
          </Text>
          <Text
            style={s.pageNumber}
            render={({ pageNumber, totalPages }) => `${l.page} ${pageNumber}/${totalPages}`}
          />
        </View>
      </Page>
    </Document>
  );
}
