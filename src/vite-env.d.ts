/// <reference types="vite/client" />

/** True in builds made for the real-browser tests (CSTO_LENS_TEST_BUILD=1): exposes test hooks. */
declare const __TEST_BUILD__: boolean;
