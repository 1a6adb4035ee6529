package io.driftwatch.ingest.git.render.kustomize.generate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which {@code kubectl kustomize} prints mapping keys: it writes every object through
 * a JSON round trip into go-yaml v2, whose key sort puts non-letters before letters, compares
 * letters by code point and runs of digits by their numeric value ({@code _u}, {@code B}, {@code
 * a-b}, {@code a.b}, {@code a2}, {@code a10}).
 *
 * <p>That comparison is not transitive for some key sets ({@code 1a < 9a < 10a < 1a}, likewise
 * {@code a1b}, {@code a2}, {@code a10}); kubectl then prints such keys in an order that changes
 * from run to run. {@link #sort} never fails on them and gives one fixed order.
 */
public final class GoYamlKeyOrder implements Comparator<String> {

  public static final GoYamlKeyOrder INSTANCE = new GoYamlKeyOrder();

  private GoYamlKeyOrder() {}

  /**
   * Sorts keys in this order: code point order first, then a stable insertion sort by go-yaml's
   * comparison, which (unlike List.sort) cannot throw when the comparison is not transitive.
   */
  public static List<String> sort(Collection<String> keys) {
    List<String> sorted = new ArrayList<>(keys);
    sorted.sort(GoJsonEncoder::compareCodePoints);
    for (int i = 1; i < sorted.size(); i++) {
      String key = sorted.get(i);
      int j = i - 1;
      while (j >= 0 && less(key, sorted.get(j))) {
        sorted.set(j + 1, sorted.get(j));
        j--;
      }
      sorted.set(j + 1, key);
    }
    return sorted;
  }

  @Override
  public int compare(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    return less(a, b) ? -1 : 1;
  }

  private static boolean less(String left, String right) {
    int[] a = left.codePoints().toArray();
    int[] b = right.codePoints().toArray();
    for (int i = 0; i < a.length && i < b.length; i++) {
      if (a[i] == b[i]) {
        continue;
      }
      boolean aLetter = Character.isLetter(a[i]);
      boolean bLetter = Character.isLetter(b[i]);
      if (aLetter && bLetter) {
        return a[i] < b[i];
      }
      if (aLetter || bLetter) {
        return bLetter;
      }
      long aNumber = 0;
      long bNumber = 0;
      if (a[i] == '0' || b[i] == '0') {
        // A zero after other digits is part of a number that already differs from the other
        // side's; make both non-zero so that the digit comparison below decides.
        for (int j = i - 1; j >= 0 && isDigit(a[j]); j--) {
          if (a[j] != '0') {
            aNumber = 1;
            bNumber = 1;
            break;
          }
        }
      }
      int aEnd = i;
      while (aEnd < a.length && isDigit(a[aEnd])) {
        aNumber = aNumber * 10 + (a[aEnd] - '0');
        aEnd++;
      }
      int bEnd = i;
      while (bEnd < b.length && isDigit(b[bEnd])) {
        bNumber = bNumber * 10 + (b[bEnd] - '0');
        bEnd++;
      }
      if (aNumber != bNumber) {
        return aNumber < bNumber;
      }
      if (aEnd != bEnd) {
        return aEnd < bEnd;
      }
      return a[i] < b[i];
    }
    return a.length < b.length;
  }

  private static boolean isDigit(int codePoint) {
    return Character.isDigit(codePoint);
  }
}
