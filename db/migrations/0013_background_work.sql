DROP INDEX `jobs_due_idx`;--> statement-breakpoint
CREATE INDEX `jobs_lane_due_idx` ON `jobs` (`state`,`kind`,`run_at`);--> statement-breakpoint
CREATE INDEX `instances_status_expires_idx` ON `instances` (`status`,`expires_at`);--> statement-breakpoint
CREATE INDEX `instances_unmetered_idx` ON `instances` (`metered_until`,`account_id`,`id`) WHERE "released_at" IS NULL OR "released_at" > "metered_until";--> statement-breakpoint
CREATE INDEX `licenses_status_expires_idx` ON `licenses` (`status`,`expires_at`);