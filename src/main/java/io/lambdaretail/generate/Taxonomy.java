package io.lambdaretail.generate;

import java.util.List;

/**
 * The fixed catalogue taxonomy shared by items, deals and sales: categories with their
 * sub-categories, brands (each with a price tier) and a price level. Fixed rather than random so
 * that data sets generated with different seeds still share one vocabulary.
 */
final class Taxonomy {
  /** Relative price level of a brand; premium brands make their products dearer. */
  enum Tier {
    BUDGET(0.55),
    MID(1.0),
    PREMIUM(1.9);

    final double priceFactor;

    Tier(double priceFactor) {
      this.priceFactor = priceFactor;
    }
  }

  record Brand(String name, Tier tier) {}

  /**
   * One category.
   *
   * @param medianPrice median price in currency units of a mid-tier product
   * @param priceSigma log-normal spread of prices around it
   * @param share relative number of catalogue products in the category
   */
  record Category(
      String name,
      List<String> subCategories,
      List<Brand> brands,
      double medianPrice,
      double priceSigma,
      double share) {}

  /** Price bands, cheapest first; {@link #priceBand} maps a price to one of them. */
  static final List<String> PRICE_BANDS = List.of("budget", "mid", "premium", "luxury");

  static final List<Category> CATEGORIES =
      List.of(
          category(
              "Electronics",
              180,
              0.9,
              1.4,
              "Phones|Laptops|Audio|Cameras|Accessories",
              "Voltix:b|Nexa:m|Sonara:p|Pixelon:m|Corelink:b"),
          category(
              "Home",
              45,
              0.8,
              1.3,
              "Cookware|Furniture|Decor|Appliances|Bedding",
              "Casalta:m|Hearthly:b|Nordvik:p|Kitcheno:m|Lumora:p"),
          category(
              "Fashion",
              40,
              0.7,
              1.4,
              "Womens Clothing|Mens Clothing|Shoes|Bags|Jewelry",
              "Velmont:p|Strada:m|Kindred:b|Aurelle:p|Basix:b"),
          category(
              "Beauty",
              20,
              0.7,
              1.0,
              "Skincare|Makeup|Fragrance|Hair Care",
              "Glowa:m|Purelle:p|Dermix:b|Silkara:m"),
          category(
              "Sports",
              50,
              0.8,
              1.0,
              "Fitness|Cycling|Running|Outdoor|Team Sports",
              "Stridex:m|Peakline:p|Kinetix:b|Trailon:m|Goalie:b"),
          category(
              "Toys",
              25,
              0.7,
              0.8,
              "Building Sets|Dolls|Board Games|Outdoor Play|Educational",
              "Brickle:m|Playmo:b|Wondra:p|Tinker:m"),
          category(
              "Books",
              15,
              0.5,
              1.0,
              "Fiction|Non-Fiction|Children|Comics|Textbooks",
              "Inkwell:m|Paperleaf:b|Quillon:p|Folio:m"),
          category(
              "Grocery",
              6,
              0.6,
              0.8,
              "Snacks|Beverages|Pantry|Organic",
              "Harvesta:m|Crunchy:b|Verdana:p|Dailyfare:b"),
          category(
              "Garden",
              60,
              0.8,
              0.6,
              "Tools|Plants|Outdoor Furniture|Grills",
              "Greenhaus:m|Rootwise:b|Terrano:p|Bloomfield:m"),
          category(
              "Automotive",
              40,
              0.9,
              0.6,
              "Parts|Car Care|Tires|Car Electronics",
              "Motiva:m|Gearhead:b|Autonomo:p|Roadex:m"),
          category(
              "Health",
              18,
              0.6,
              0.7,
              "Vitamins|Personal Care|Medical Supplies|Fitness Nutrition",
              "Vitalis:m|Curamed:p|Wellbe:b|Nutrix:m"),
          category(
              "Gaming",
              60,
              0.9,
              0.8,
              "Consoles|Video Games|Gaming Accessories|PC Components",
              "Hyperion:p|Pixelforge:m|Ludix:m|Bitcade:b"));

  private Taxonomy() {}

  static int categoryCount() {
    return CATEGORIES.size();
  }

  /**
   * The band of a price relative to its category's median, so "premium" means the same thing for a
   * book and a laptop.
   */
  static int priceBand(Category category, double price) {
    double ratio = price / category.medianPrice();
    if (ratio < 0.6) {
      return 0;
    }
    if (ratio < 1.4) {
      return 1;
    }
    return ratio < 2.8 ? 2 : 3;
  }

  private static Category category(
      String name, double median, double sigma, double share, String subs, String brands) {
    List<Brand> brandList =
        java.util.Arrays.stream(brands.split("\\|")).map(Taxonomy::brand).toList();
    return new Category(name, List.of(subs.split("\\|")), brandList, median, sigma, share);
  }

  private static Brand brand(String spec) {
    String[] parts = spec.split(":");
    Tier tier =
        switch (parts[1]) {
          case "b" -> Tier.BUDGET;
          case "p" -> Tier.PREMIUM;
          default -> Tier.MID;
        };
    return new Brand(parts[0], tier);
  }
}
