/** wawoff2's Emscripten binding (Google's woff2 decoder as WebAssembly); the package ships no types. */
declare module 'wawoff2/build/decompress_binding.js' {
  const binding: {
    onRuntimeInitialized?: () => void;
    /** TrueType bytes, or false when the input is not a valid WOFF2 file. */
    decompress(woff2: Uint8Array): Uint8Array | false;
    calledRun?: boolean;
  };
  export default binding;
}
