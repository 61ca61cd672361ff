CREATE TABLE `licenses` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`product_code` text NOT NULL,
	`region_id` text NOT NULL,
	`order_id` text NOT NULL,
	`pricing_model` text NOT NULL,
	`status` text NOT NULL,
	`instance_id` text,
	`first_deployed_at` integer,
	`expires_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_code`) REFERENCES `products`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `licenses_pool_idx` ON `licenses` (`account_id`,`product_code`,`region_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `licenses_instance_unique` ON `licenses` (`instance_id`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`product_code` text NOT NULL,
	`sku_code` text NOT NULL,
	`pricing_model` text NOT NULL,
	`region_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price_fen` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`status` text NOT NULL,
	`refund_of` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_code`) REFERENCES `products`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sku_code`) REFERENCES `skus`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `orders_account_created_idx` ON `orders` (`account_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_product_idx` ON `orders` (`product_code`,`created_at`);--> statement-breakpoint
CREATE TABLE `platform_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `product_versions` (
	`product_code` text NOT NULL,
	`version` text NOT NULL,
	`sort_order` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`product_code`, `version`),
	FOREIGN KEY (`product_code`) REFERENCES `products`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `products` (
	`code` text PRIMARY KEY NOT NULL,
	`seller_account_id` text NOT NULL,
	`title` text NOT NULL,
	`category` text NOT NULL,
	`summary` text NOT NULL,
	`description` text NOT NULL,
	`os_type` text NOT NULL,
	`platform` text NOT NULL,
	`logo_url` text,
	`status` text NOT NULL,
	`featured` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`listed_at` integer,
	`delisted_at` integer,
	FOREIGN KEY (`seller_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `products_status_category_idx` ON `products` (`status`,`category`);--> statement-breakpoint
CREATE INDEX `products_seller_idx` ON `products` (`seller_account_id`);--> statement-breakpoint
CREATE TABLE `skus` (
	`code` text PRIMARY KEY NOT NULL,
	`product_code` text NOT NULL,
	`pricing_model` text NOT NULL,
	`price_fen` integer NOT NULL,
	FOREIGN KEY (`product_code`) REFERENCES `products`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `skus_product_model_unique` ON `skus` (`product_code`,`pricing_model`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`region_id` text NOT NULL,
	`action` text NOT NULL,
	`status` text NOT NULL,
	`progress` integer DEFAULT 0 NOT NULL,
	`image_id` text NOT NULL,
	`failure_reason` text,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tasks_account_created_idx` ON `tasks` (`account_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `instances` ADD `license_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `instances_license_unique` ON `instances` (`license_id`);