CREATE TABLE `delivery_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delivery_id` integer NOT NULL,
	`at` integer NOT NULL,
	`url` text NOT NULL,
	`key_id` text,
	`http_status` integer,
	`latency_ms` integer NOT NULL,
	`result_code` text,
	`response` text,
	`verdict` text NOT NULL,
	`manual` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`delivery_id`) REFERENCES `seller_deliveries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `delivery_attempts_delivery_idx` ON `delivery_attempts` (`delivery_id`,`at`);--> statement-breakpoint
CREATE TABLE `interface_checks` (
	`product_code` text NOT NULL,
	`activity` text NOT NULL,
	`url` text NOT NULL,
	`passed_at` integer,
	`exchange` text NOT NULL,
	`checked_at` integer NOT NULL,
	PRIMARY KEY(`product_code`, `activity`),
	FOREIGN KEY (`product_code`) REFERENCES `products`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `product_version_images` (
	`product_code` text NOT NULL,
	`version` text NOT NULL,
	`region_id` text NOT NULL,
	`source_image_id` text NOT NULL,
	PRIMARY KEY(`product_code`, `version`, `region_id`),
	FOREIGN KEY (`product_code`) REFERENCES `products`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_image_id`) REFERENCES `images`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `seller_applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` text NOT NULL,
	`company_name` text NOT NULL,
	`founded_on` text NOT NULL,
	`registered_capital_fen` integer NOT NULL,
	`staff_count` integer NOT NULL,
	`support_hours` text NOT NULL,
	`contact_email` text NOT NULL,
	`agreement_accepted_at` integer NOT NULL,
	`status` text NOT NULL,
	`decision_note` text,
	`submitted_at` integer NOT NULL,
	`decided_at` integer,
	`decided_by` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `seller_applications_status_idx` ON `seller_applications` (`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `seller_applications_account_idx` ON `seller_applications` (`account_id`);--> statement-breakpoint
CREATE TABLE `seller_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seller_account_id` text NOT NULL,
	`product_code` text NOT NULL,
	`activity` text NOT NULL,
	`order_id` text NOT NULL,
	`order_line_id` text NOT NULL,
	`instance_id` text,
	`body` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_until` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`delivered_at` integer,
	FOREIGN KEY (`seller_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_code`) REFERENCES `products`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `seller_deliveries_due_idx` ON `seller_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `seller_deliveries_seller_idx` ON `seller_deliveries` (`seller_account_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `seller_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`secret_encrypted` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `seller_keys_account_idx` ON `seller_keys` (`account_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `products` ADD `interface_url` text;--> statement-breakpoint
ALTER TABLE `products` ADD `review_note` text;--> statement-breakpoint
ALTER TABLE `products` ADD `submitted_at` integer;