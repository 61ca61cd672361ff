DROP INDEX `images_listing_idx`;--> statement-breakpoint
DROP INDEX `images_id_listing_idx`;--> statement-breakpoint
CREATE INDEX `images_listing_idx` ON `images` (`region_id`,`kind`,`deleted_at`,"created_at" DESC,`name`,`status`,`os_type`,`architecture`,`deprecated_at`);--> statement-breakpoint
CREATE INDEX `images_id_listing_idx` ON `images` (`id`,`region_id`,`kind`,`deleted_at`,`status`,`owner_account_id`,`os_type`,`architecture`,`product_code`,`created_at`,`name`,`deprecated_at`);