-- Hand-written, and first (issue 15): the GIN indexes drizzle-kit generates below need pg_trgm's
-- gin_trgm_ops. A trusted extension since PostgreSQL 13: a role that may CREATE in the database may add it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "products_search" (
	"code" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"description" text NOT NULL,
	"seller" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "products_search_title_trgm_idx" ON "products_search" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "products_search_summary_trgm_idx" ON "products_search" USING gin ("summary" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "products_search_description_trgm_idx" ON "products_search" USING gin ("description" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "products_search_seller_trgm_idx" ON "products_search" USING gin ("seller" gin_trgm_ops);