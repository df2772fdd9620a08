// An invoice as a PDF (pdfkit): the seller, the number and dates, the numbered lines, tax and
// totals. Amounts are formatted from integer minor units with Intl.
import type { BillingInvoice } from '@reel/contracts';
import PDFDocument from 'pdfkit';

const money = (m: { amount: number; currency: string }) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: m.currency }).format(m.amount / 100);
const day = (iso: string) =>
  new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));

/** Renders the invoice; resolves with the PDF's bytes. */
export function invoicePdf(invoice: BillingInvoice, customer: { name: string; email: string }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: `Invoice ${invoice.number}`, Author: 'Reel' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const left = 56;
    const right = doc.page.width - 56;
    doc.font('Helvetica-Bold').fontSize(22).fillColor('#111').text('Reel', left, 56);
    doc.font('Helvetica').fontSize(10).fillColor('#555').text('Reel Streaming · billing@reel.test', left, 84);
    doc
      .font('Helvetica-Bold')
      .fontSize(16)
      .fillColor('#111')
      .text(invoice.status === 'paid' ? 'Receipt' : 'Invoice', left, 56, { width: right - left, align: 'right' });
    doc.font('Helvetica').fontSize(10).fillColor('#333');
    const meta: [string, string][] = [
      ['Invoice number', invoice.number],
      ['Date', day(invoice.created_at)],
      ['Service period', `${day(invoice.period_start)} – ${day(invoice.period_end)}`],
      ['Status', invoice.status.toUpperCase()],
    ];
    if (invoice.paid_at) meta.push(['Paid', day(invoice.paid_at)]);
    if (invoice.payment_method)
      meta.push(['Card', `${invoice.payment_method.brand.toUpperCase()} •••• ${invoice.payment_method.last4}`]);
    let y = 130;
    doc.font('Helvetica-Bold').text('Billed to', left, y);
    doc
      .font('Helvetica')
      .text(customer.name, left, y + 14)
      .text(customer.email, left, y + 28);
    for (const [k, v] of meta) {
      doc.font('Helvetica-Bold').text(k, 330, y, { width: 100 });
      doc.font('Helvetica').text(v, 430, y, { width: right - 430, align: 'right' });
      y += 16;
    }
    y = Math.max(y, 190) + 24;
    const cols = { n: left, d: left + 28, q: 360, u: 400, a: 480 };
    doc.font('Helvetica-Bold').fontSize(9).fillColor('#555');
    doc.text('#', cols.n, y).text('Description', cols.d, y).text('Qty', cols.q, y, { width: 30, align: 'right' });
    doc
      .text('Unit', cols.u, y, { width: 70, align: 'right' })
      .text('Amount', cols.a, y, { width: right - cols.a, align: 'right' });
    y += 16;
    doc.moveTo(left, y).lineTo(right, y).strokeColor('#ccc').stroke();
    y += 8;
    doc.font('Helvetica').fontSize(10).fillColor('#111');
    for (const line of invoice.lines) {
      const h = doc.heightOfString(line.description, { width: cols.q - cols.d - 10 });
      doc.text(String(line.number), cols.n, y);
      doc.text(line.description, cols.d, y, { width: cols.q - cols.d - 10 });
      doc.text(String(line.quantity), cols.q, y, { width: 30, align: 'right' });
      doc.text(money(line.unit_amount), cols.u, y, { width: 70, align: 'right' });
      doc.text(money(line.amount), cols.a, y, { width: right - cols.a, align: 'right' });
      y += Math.max(16, h + 6);
    }
    doc.moveTo(left, y).lineTo(right, y).strokeColor('#ccc').stroke();
    y += 10;
    const total = (label: string, value: string, bold = false) => {
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').text(label, 330, y, { width: 140 });
      doc.text(value, cols.a - 40, y, { width: right - cols.a + 40, align: 'right' });
      y += 16;
    };
    total('Subtotal', money(invoice.subtotal));
    total(
      invoice.tax_rate ? `${invoice.tax_rate.name} (${invoice.tax_rate.rate_bps / 100}%)` : 'Tax',
      money(invoice.tax),
    );
    total('Total', money(invoice.total), true);
    total('Amount paid', money(invoice.amount_paid));
    total('Amount due', money(invoice.amount_due), true);
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#777')
      .text('Prices in minor units are rounded half up per line; tax is computed on the subtotal.', left, 760, {
        width: right - left,
      });
    doc.end();
  });
}
