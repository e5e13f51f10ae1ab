import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

/**
 * Serves the built client and answers every other GET with index.html so client routes such as
 * `/d/<id>` survive a reload. Hashed assets are cached for a year; index.html never is.
 */
export function clientRouter(distDir: string): Router {
  const router = Router();
  const indexFile = path.join(distDir, 'index.html');
  router.use(
    express.static(distDir, {
      index: false,
      setHeaders: (res, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        // The service worker must be re-checked on every load, or a new deployment would wait.
        else if (path.basename(file) === 'sw.js') res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  router.get(/^(?!\/api\/|\/collab\/|\/healthz).*/, (_req, res) => {
    if (!fs.existsSync(indexFile)) {
      res.status(503).type('text/plain').send(`The client is not built. Run \`pnpm start\` (it builds it) or \`pnpm build\`.\nLooked in ${distDir}`);
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return router;
}
