-- Marketplace search (lib/services/product-search.ts is the only module that touches it).
-- The trigram tokenizer matches substrings, so Chinese titles are searchable without a segmenter.
CREATE VIRTUAL TABLE `products_fts` USING fts5(
  `code` UNINDEXED,
  `title`,
  `summary`,
  `description`,
  `seller`,
  tokenize = 'trigram'
);
