import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // rate-limiter-flexible loads drizzle-orm with a dynamic import, which a bundle cannot resolve.
  serverExternalPackages: ['better-sqlite3', 'rate-limiter-flexible'],
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
