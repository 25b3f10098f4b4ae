/**
 * A page's content stream written as bytes into one reused buffer. Drawing a book's text as
 * strings made a string per number and a rope node per glyph (hex ids joined one by one), which
 * were then flattened and copied into bytes a page at a time: most of the drawing's allocation.
 * The numbers are written as the canvas's `num` writes them (three decimals at most, no
 * trailing zeros, -0 as 0), so the bytes are the ones the strings made.
 */

const HEX = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];

export class ContentBytes {
  private buf = Buffer.allocUnsafe(1 << 17);
  at = 0;

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
  }

  /** An ASCII string (operators, names, colours). */
  text(s: string): void {
    const n = s.length;
    this.room(n);
    const b = this.buf;
    let at = this.at;
    if (n > 32) at += b.write(s, at, 'latin1');
    else for (let i = 0; i < n; i++) b[at++] = s.charCodeAt(i);
    this.at = at;
  }

  byte(c: number): void {
    this.room(1);
    this.buf[this.at++] = c;
  }

  /** A glyph id as four lower-case hex digits. */
  hex4(v: number): void {
    this.room(4);
    const b = this.buf;
    const at = this.at;
    b[at] = HEX[(v >> 12) & 15]!;
    b[at + 1] = HEX[(v >> 8) & 15]!;
    b[at + 2] = HEX[(v >> 4) & 15]!;
    b[at + 3] = HEX[v & 15]!;
    this.at = at + 4;
  }

  /** `String(Math.round(v * 1000) / 1000)`, -0 as 0: the canvas's number format. */
  num(v: number): void {
    let k = Math.round(v * 1000);
    this.room(24);
    const b = this.buf;
    if (k === 0) {
      b[this.at++] = 48;
      return;
    }
    if (!Number.isSafeInteger(k)) {
      this.text(String(k / 1000));
      return;
    }
    if (k < 0) {
      b[this.at++] = 45;
      k = -k;
    }
    const int = Math.floor(k / 1000);
    const frac = k - int * 1000;
    this.digits(int);
    if (frac === 0) return;
    b[this.at++] = 46;
    const d1 = Math.floor(frac / 100);
    const d2 = Math.floor(frac / 10) % 10;
    const d3 = frac % 10;
    b[this.at++] = 48 + d1;
    if (d2 !== 0 || d3 !== 0) b[this.at++] = 48 + d2;
    if (d3 !== 0) b[this.at++] = 48 + d3;
  }

  /** `String(Math.round(v * 1e6) / 1e6)`: pdfkit's number format in path operators. */
  num6(v: number): void {
    let k = Math.round(v * 1e6);
    this.room(32);
    const b = this.buf;
    if (k === 0) {
      b[this.at++] = 48;
      return;
    }
    if (!Number.isSafeInteger(k)) {
      this.text(String(k / 1e6));
      return;
    }
    if (k < 0) {
      b[this.at++] = 45;
      k = -k;
    }
    const int = Math.floor(k / 1e6);
    let frac = k - int * 1e6;
    this.digits(int);
    if (frac === 0) return;
    b[this.at++] = 46;
    let places = 6;
    while (frac % 10 === 0) {
      frac /= 10;
      places--;
    }
    // frac's digits, zero-padded on the left to `places`.
    for (let p = 10 ** (places - 1); p >= 1; p /= 10) {
      const digit = Math.floor(frac / p) % 10;
      b[this.at++] = 48 + digit;
    }
  }

  private digits(n: number): void {
    const b = this.buf;
    if (n < 10) {
      b[this.at++] = 48 + n;
      return;
    }
    let len = 1;
    for (let p = 10; p <= n; p *= 10) len++;
    let at = this.at + len;
    this.at = at;
    while (len-- > 0) {
      b[--at] = 48 + (n % 10);
      n = Math.floor(n / 10);
    }
  }

  /** The bytes written since the last take, copied out; the buffer is reused. */
  take(): Uint8Array {
    const out = Uint8Array.prototype.slice.call(this.buf, 0, this.at);
    this.at = 0;
    return out;
  }
}
