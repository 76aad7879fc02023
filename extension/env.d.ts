/// <reference types="vite/client" />

/** Pinned by the build (scripts/build.ts) from config/feed.json and package.json. */
declare const __FOOTNOTE_FEED_URL__: string;
declare const __FOOTNOTE_FEED_PUBLIC_KEY__: JsonWebKey;
declare const __FOOTNOTE_VERSION__: string;
