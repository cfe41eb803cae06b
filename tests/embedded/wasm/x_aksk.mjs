// Runs every X-AKSK vector through callsign-ffi built for
// wasm32-unknown-unknown, from Node: the "other languages" path. The module
// imports nothing and allocates nothing; inputs and the output buffer are
// placed in its linear memory above __heap_base, which nothing else uses.
//
// usage: node x_aksk.mjs callsign.wasm huawei.json
import { readFileSync } from "node:fs";

const [wasmPath, vectorsPath] = process.argv.slice(2);
const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {});
const x = instance.exports;
const memory = x.memory;
const enc = new TextEncoder();
const dec = new TextDecoder();
const OK = 0;
const BUFFER_TOO_SMALL = 2;

// A bump region above the module's data, reset per vector.
const base = x.__heap_base.value;
function region() {
  let at = base;
  return {
    put(bytes) {
      const need = at + bytes.length + 8;
      if (need > memory.buffer.byteLength) {
        memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536));
      }
      new Uint8Array(memory.buffer, at, bytes.length).set(bytes);
      const ptr = at;
      at += (bytes.length + 7) & ~7;
      return ptr;
    },
    alloc(n) {
      return this.put(new Uint8Array(n));
    },
  };
}

const hex = (s) => Uint8Array.from(s.match(/../g) ?? [], (b) => parseInt(b, 16));
const vectors = JSON.parse(readFileSync(vectorsPath, "utf8")).vectors.filter(
  (v) => v.scheme === "x-aksk",
);
let passed = 0;
let failed = 0;
for (const v of vectors) {
  const r = region();
  const key = enc.encode(v.inputs.app_key);
  const secret = hex(v.inputs.app_secret_utf8_hex);
  const nonce = enc.encode(v.inputs.nonce);
  const created = BigInt(Date.parse(v.inputs.created) / 1000);
  const keyPtr = r.put(key);
  const secretPtr = r.put(secret);
  const noncePtr = r.put(nonce);
  const lenPtr = r.alloc(8);
  const call = (outPtr, cap) =>
    x.callsign_huawei_voice_x_aksk(
      keyPtr, key.length, secretPtr, secret.length, noncePtr, nonce.length,
      created, outPtr, cap, lenPtr,
    );
  const lenAt = () => new DataView(memory.buffer).getUint32(lenPtr, true);
  // Size query first (out NULL, capacity 0), then the exact buffer.
  const queried = call(0, 0);
  const needed = lenAt();
  const outPtr = r.alloc(needed);
  const rc = call(outPtr, needed);
  const got = dec.decode(new Uint8Array(memory.buffer, outPtr, lenAt()));
  const nul = new Uint8Array(memory.buffer, outPtr + lenAt(), 1)[0];
  if (queried === BUFFER_TOO_SMALL && rc === OK && nul === 0 && got === v.expected.x_aksk) {
    passed++;
  } else {
    failed++;
    console.log(`FAIL ${v.id}: status ${queried}/${rc}: ${got}`);
  }
}
if (vectors.length === 0) failed++;
console.log(`wasm: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
