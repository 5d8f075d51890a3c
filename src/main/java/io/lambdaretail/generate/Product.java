package io.lambdaretail.generate;

/**
 * One catalogue product.
 *
 * @param index dense index, 0-based
 * @param id the {@code product_id} written everywhere
 * @param category index into {@link Taxonomy#CATEGORIES}
 * @param subCategory index into the category's sub-categories
 * @param brand brand name
 * @param priceBand index into {@link Taxonomy#PRICE_BANDS}
 * @param priceCents list price in cents, so money never goes through binary fractions
 * @param name display name used by sales and deals
 * @param popularity Zipf-like weight; a few products draw most of the traffic
 */
record Product(
    int index,
    String id,
    int category,
    int subCategory,
    String brand,
    int priceBand,
    long priceCents,
    String name,
    double popularity) {

  Taxonomy.Category categoryInfo() {
    return Taxonomy.CATEGORIES.get(category);
  }

  String categoryName() {
    return categoryInfo().name();
  }

  String subCategoryName() {
    return categoryInfo().subCategories().get(subCategory);
  }

  String priceBandName() {
    return Taxonomy.PRICE_BANDS.get(priceBand);
  }

  String price() {
    return Money.format(priceCents);
  }
}
