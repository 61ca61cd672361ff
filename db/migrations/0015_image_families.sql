ALTER TABLE `images` ADD `image_family` text;--> statement-breakpoint
ALTER TABLE `images` ADD `deprecated_at` integer;--> statement-breakpoint
ALTER TABLE `images` ADD `successor_image_id` text;--> statement-breakpoint
CREATE INDEX `images_family_idx` ON `images` (`region_id`,`image_family`,`deleted_at`);