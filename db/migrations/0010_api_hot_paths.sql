CREATE TABLE `instance_usage` (
	`account_id` text NOT NULL,
	`region_id` text NOT NULL,
	`instances` integer DEFAULT 0 NOT NULL,
	`vcpus` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`account_id`, `region_id`)
);
--> statement-breakpoint
DROP INDEX `licenses_pool_idx`;--> statement-breakpoint
CREATE INDEX `licenses_pool_idx` ON `licenses` (`account_id`,`product_code`,`region_id`,`status`,`created_at`,`id`);