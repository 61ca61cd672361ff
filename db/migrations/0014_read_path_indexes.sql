DROP INDEX `images_region_kind_idx`;--> statement-breakpoint
DROP INDEX `images_owner_idx`;--> statement-breakpoint
DROP INDEX `images_product_idx`;--> statement-breakpoint
CREATE INDEX `images_listing_idx` ON `images` (`region_id`,`kind`,`deleted_at`,"created_at" DESC,`name`,`status`,`os_type`,`architecture`);--> statement-breakpoint
CREATE INDEX `images_id_listing_idx` ON `images` (`id`,`region_id`,`kind`,`deleted_at`,`status`,`owner_account_id`,`os_type`,`architecture`,`product_code`,`created_at`,`name`);--> statement-breakpoint
CREATE INDEX `images_region_name_idx` ON `images` (`region_id`,`kind`,`name`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `images_owner_idx` ON `images` (`owner_account_id`,`region_id`,`kind`,`deleted_at`,"created_at" DESC,`name`,`status`,`os_type`,`architecture`);--> statement-breakpoint
CREATE INDEX `images_product_idx` ON `images` (`product_code`,`region_id`,`kind`,`deleted_at`);--> statement-breakpoint
DROP INDEX `image_shares_recipient_idx`;--> statement-breakpoint
CREATE INDEX `image_shares_recipient_idx` ON `image_shares` (`recipient_account_id`,`removed_at`,`image_id`);--> statement-breakpoint
DROP INDEX `instances_account_created_idx`;--> statement-breakpoint
CREATE INDEX `instances_account_created_idx` ON `instances` (`account_id`,`created_at`,`region_id`,`status`);--> statement-breakpoint
CREATE INDEX `products_status_title_idx` ON `products` (`status`,`title`,`code`);