CREATE TABLE `image_shares` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`image_id` text NOT NULL,
	`owner_account_id` text NOT NULL,
	`recipient_account_id` text NOT NULL,
	`shared_at` integer NOT NULL,
	`removed_at` integer,
	`removed_by` text,
	FOREIGN KEY (`image_id`) REFERENCES `images`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recipient_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `image_shares_active_unique` ON `image_shares` (`image_id`,`recipient_account_id`) WHERE "image_shares"."removed_at" IS NULL;--> statement-breakpoint
CREATE INDEX `image_shares_recipient_idx` ON `image_shares` (`recipient_account_id`,`removed_at`);--> statement-breakpoint
CREATE INDEX `image_shares_owner_day_idx` ON `image_shares` (`owner_account_id`,`shared_at`);