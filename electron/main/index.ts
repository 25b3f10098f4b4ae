// Placeholder until the shell lands: keeps the electron-vite build whole.
export {};
