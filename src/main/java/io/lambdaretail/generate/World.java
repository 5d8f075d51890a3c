package io.lambdaretail.generate;

/**
 * Everything drawn once from the seed before any file is written: the catalogue, the users and the
 * id scheme. Read-only afterwards, so file tasks share it across threads.
 */
record World(Catalog catalog, Population population, Ids ids) {

  static World build(GenerateOptions options) {
    Ids ids = new Ids(options.seed(), options.users(), options.products());
    Catalog catalog = Catalog.build(options.products(), options.seed(), ids);
    Population population = Population.build(options.users(), options.seed());
    return new World(catalog, population, ids);
  }
}
