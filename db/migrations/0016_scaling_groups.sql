CREATE TABLE `scaling_activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` text NOT NULL,
	`at` integer NOT NULL,
	`cause` text NOT NULL,
	`change` integer NOT NULL,
	`result` text NOT NULL,
	`reason_code` text,
	`reason_params` text,
	`capacity` integer NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `scaling_groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `scaling_activities_group_idx` ON `scaling_activities` (`group_id`,`at`);--> statement-breakpoint
CREATE TABLE `scaling_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`name` text NOT NULL,
	`region_id` text NOT NULL,
	`image_id` text NOT NULL,
	`image_family` text,
	`instance_type_id` text NOT NULL,
	`min_size` integer NOT NULL,
	`max_size` integer NOT NULL,
	`desired` integer NOT NULL,
	`removal_policy` text NOT NULL,
	`license_mode` text NOT NULL,
	`sku_code` text,
	`spending_cap_fen` integer DEFAULT 0 NOT NULL,
	`spent_fen` integer DEFAULT 0 NOT NULL,
	`failing_code` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`image_id`) REFERENCES `images`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instance_type_id`) REFERENCES `instance_types`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scaling_groups_account_name_unique` ON `scaling_groups` (`account_id`,`region_id`,`name`);--> statement-breakpoint
CREATE TABLE `scaling_members` (
	`instance_id` text PRIMARY KEY NOT NULL,
	`group_id` text NOT NULL,
	`joined_at` integer NOT NULL,
	FOREIGN KEY (`instance_id`) REFERENCES `instances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `scaling_groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `scaling_members_group_idx` ON `scaling_members` (`group_id`,`joined_at`);--> statement-breakpoint
CREATE TABLE `scaling_schedules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` text NOT NULL,
	`run_at` integer NOT NULL,
	`desired` integer NOT NULL,
	`done_at` integer,
	FOREIGN KEY (`group_id`) REFERENCES `scaling_groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `scaling_schedules_due_idx` ON `scaling_schedules` (`done_at`,`run_at`);