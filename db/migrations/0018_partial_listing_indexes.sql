DROP INDEX `images_listing_idx`;--> statement-breakpoint
DROP INDEX `images_owner_idx`;--> statement-breakpoint
CREATE INDEX `images_listing_idx` ON `images` (`region_id`,`kind`,"created_at" DESC,`name`,`status`,`os_type`,`architecture`,`deprecated_at`) WHERE "images"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `images_owner_idx` ON `images` (`owner_account_id`,`region_id`,`kind`,"created_at" DESC,`name`,`status`,`os_type`,`architecture`) WHERE "images"."deleted_at" IS NULL;