CREATE TABLE `instance_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`instance_id` text NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`instance_id`) REFERENCES `instances`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `instance_runs_instance_idx` ON `instance_runs` (`instance_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `invoices` (
	`order_id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`title` text NOT NULL,
	`tax_id` text,
	`status` text NOT NULL,
	`issued_at` integer NOT NULL,
	`voided_at` integer,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `metered_hours` (
	`instance_id` text NOT NULL,
	`hour` integer NOT NULL,
	`account_id` text NOT NULL,
	`compute_fen` integer NOT NULL,
	`image_fen` integer NOT NULL,
	`product_code` text,
	`arrears` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`instance_id`, `hour`),
	FOREIGN KEY (`instance_id`) REFERENCES `instances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `metered_hours_account_idx` ON `metered_hours` (`account_id`,`hour`);--> statement-breakpoint
CREATE TABLE `refund_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` text NOT NULL,
	`account_id` text NOT NULL,
	`reason` text NOT NULL,
	`status` text NOT NULL,
	`decision_note` text,
	`refund_order_id` text,
	`counts_toward_limit` integer NOT NULL,
	`requested_at` integer NOT NULL,
	`decided_at` integer,
	`decided_by` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `refund_requests_status_idx` ON `refund_requests` (`status`,`requested_at`);--> statement-breakpoint
CREATE INDEX `refund_requests_account_idx` ON `refund_requests` (`account_id`,`requested_at`);--> statement-breakpoint
CREATE INDEX `refund_requests_order_idx` ON `refund_requests` (`order_id`);--> statement-breakpoint
-- Metering starts now for instances that existed before it: no hour before this migration is charged.
ALTER TABLE `instances` ADD `metered_until` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `instances` SET `metered_until` = (CAST(strftime('%s','now') AS INTEGER) / 3600) * 3600000;--> statement-breakpoint
INSERT INTO `instance_runs` (`instance_id`, `started_at`) SELECT `id`, CAST(strftime('%s','now') AS INTEGER) * 1000 FROM `instances` WHERE `status` = 'Running';--> statement-breakpoint
ALTER TABLE `orders` ADD `kind` text DEFAULT 'purchase' NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `instance_id` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `term_starts_at` integer;