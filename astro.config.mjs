// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { basePath, siteAddress } from './src/publish/site-address.ts';

// A fully static site that works from any static file server: every page is
// `<path>/index.html` and every internal link ends in a slash, so no server
// rewrite rules are needed.
export default defineConfig({
  // The public address is set once, in content/site.yaml; BASE_PATH overrides its path.
  site: siteAddress().origin,
  base: basePath(),
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One small external stylesheet, cached once for every page.
    inlineStylesheets: 'never',
  },
  integrations: [mdx()],
  vite: {
    build: {
      rollupOptions: {
        output: {
          // The one stylesheet every page shares is named for what it is, not for
          // whichever page Rollup happened to see first.
          assetFileNames: (asset) =>
            (asset.names ?? [asset.name]).some((n) => n?.endsWith('.css')) ? '_astro/site.[hash][extname]' : '_astro/[name].[hash][extname]',
        },
      },
    },
  },
  // No third-party requests, no dev toolbar, no telemetry-driven extras in the output.
  devToolbar: { enabled: false },
  prefetch: false,
  compressHTML: true,
});
