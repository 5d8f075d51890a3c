package io.lambdaretail.serving;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one speed-layer key, kept in the state store (a bean, as Spark's encoders want it; a
 * key uses the fields of its {@link SpeedKind} only): running totals and the orders already
 * counted, a visitor's open sessions, or a deal's latest version and the key it was written under.
 */
public class SpeedState implements Serializable {
  private static final long serialVersionUID = 1L;

  private long views;
  private long purchases;
  private long units;
  private double revenue;
  private List<String> orders = new ArrayList<>();
  private List<SessionSpan> sessions = new ArrayList<>();
  private String deal;
  private long dealTime;
  private int dealPartition;
  private long dealOffset;
  private String dealSubCategory;
  private Double dealDiscount;
  private Double dealPrice;

  public long getViews() {
    return views;
  }

  public void setViews(long views) {
    this.views = views;
  }

  public long getPurchases() {
    return purchases;
  }

  public void setPurchases(long purchases) {
    this.purchases = purchases;
  }

  public long getUnits() {
    return units;
  }

  public void setUnits(long units) {
    this.units = units;
  }

  public double getRevenue() {
    return revenue;
  }

  public void setRevenue(double revenue) {
    this.revenue = revenue;
  }

  public List<String> getOrders() {
    return orders;
  }

  public void setOrders(List<String> orders) {
    this.orders = orders == null ? new ArrayList<>() : new ArrayList<>(orders);
  }

  public List<SessionSpan> getSessions() {
    return sessions;
  }

  public void setSessions(List<SessionSpan> sessions) {
    this.sessions = sessions == null ? new ArrayList<>() : new ArrayList<>(sessions);
  }

  public String getDeal() {
    return deal;
  }

  public void setDeal(String deal) {
    this.deal = deal;
  }

  public long getDealTime() {
    return dealTime;
  }

  public void setDealTime(long dealTime) {
    this.dealTime = dealTime;
  }

  public int getDealPartition() {
    return dealPartition;
  }

  public void setDealPartition(int dealPartition) {
    this.dealPartition = dealPartition;
  }

  public long getDealOffset() {
    return dealOffset;
  }

  public void setDealOffset(long dealOffset) {
    this.dealOffset = dealOffset;
  }

  public String getDealSubCategory() {
    return dealSubCategory;
  }

  public void setDealSubCategory(String dealSubCategory) {
    this.dealSubCategory = dealSubCategory;
  }

  public Double getDealDiscount() {
    return dealDiscount;
  }

  public void setDealDiscount(Double dealDiscount) {
    this.dealDiscount = dealDiscount;
  }

  public Double getDealPrice() {
    return dealPrice;
  }

  public void setDealPrice(Double dealPrice) {
    this.dealPrice = dealPrice;
  }

  /** One open session of a visitor: its span, views and products by first view. */
  public static class SessionSpan implements Serializable {
    private static final long serialVersionUID = 1L;

    private long start;
    private long end;
    private boolean anonymous;
    private int views;
    private List<String> products = new ArrayList<>();
    private List<Long> firstSeen = new ArrayList<>();

    public long getStart() {
      return start;
    }

    public void setStart(long start) {
      this.start = start;
    }

    public long getEnd() {
      return end;
    }

    public void setEnd(long end) {
      this.end = end;
    }

    public boolean isAnonymous() {
      return anonymous;
    }

    public void setAnonymous(boolean anonymous) {
      this.anonymous = anonymous;
    }

    public int getViews() {
      return views;
    }

    public void setViews(int views) {
      this.views = views;
    }

    public List<String> getProducts() {
      return products;
    }

    public void setProducts(List<String> products) {
      this.products = products == null ? new ArrayList<>() : new ArrayList<>(products);
    }

    public List<Long> getFirstSeen() {
      return firstSeen;
    }

    public void setFirstSeen(List<Long> firstSeen) {
      this.firstSeen = firstSeen == null ? new ArrayList<>() : new ArrayList<>(firstSeen);
    }
  }
}
