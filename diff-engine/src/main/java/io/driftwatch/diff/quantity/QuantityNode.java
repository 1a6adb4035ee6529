package io.driftwatch.diff.quantity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;

/**
 * A quantity as it was written, equal to any other {@code QuantityNode} of the same value: {@code
 * 1000m}, {@code 1} and {@code 1.0} are one amount. Serialises as the text it was written with, so
 * a reported difference shows what the user wrote.
 */
public final class QuantityNode extends TextNode {

  private static final long serialVersionUID = 1L;

  private final BigDecimal value;
  private final int valueHash;

  private QuantityNode(String text, BigDecimal value) {
    super(text);
    this.value = value;
    this.valueHash = value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
  }

  /**
   * The quantity {@code node} holds (a number or quantity text), or null when it holds none, in
   * which case it is compared as written.
   */
  public static QuantityNode of(JsonNode node) {
    if (node instanceof QuantityNode) {
      return (QuantityNode) node;
    }
    BigDecimal value = Quantity.valueOf(node);
    return value == null ? null : new QuantityNode(node.asText(), value);
  }

  /** The exact amount. */
  public BigDecimal value() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof QuantityNode && value.compareTo(((QuantityNode) other).value) == 0;
  }

  @Override
  public int hashCode() {
    return valueHash;
  }
}
