package org.iprradar.detect.topology;

import java.time.Instant;
import org.iprradar.common.model.Complaint;

/**
 * The keys of the complaint store. Each complaint is stored under four keys: by its own key (to
 * find and replace it when it is sent again), by listing and by seller with its time (so a prefix
 * range gives one listing's or seller's complaints in a window, in time order), and by time alone
 * (so old complaints are purged with one range). The parts are joined by U+001F, which no platform,
 * id or complaint key contains in practice and which sorts before every printable character, so one
 * listing's prefix never runs into a longer listing id's.
 */
final class ComplaintKeys {

  static final char SEP = '\u001f';

  /** Digits of the time part of a key. */
  private static final int TIME_DIGITS = 15;

  private ComplaintKeys() {}

  /** Whether any part of the complaint's keys holds the separator, which would garble them. */
  static boolean holdsSeparator(Complaint complaint) {
    for (String part :
        new String[] {
          complaint.platform(), complaint.complaintId(), complaint.listingId(), complaint.sellerId()
        }) {
      if (part != null && part.indexOf(SEP) >= 0) {
        return true;
      }
    }
    return false;
  }

  static String byKey(String complaintKey) {
    return "c" + SEP + complaintKey;
  }

  static String listingPrefix(String platform, String listingId) {
    return "l" + SEP + platform + SEP + listingId + SEP;
  }

  static String sellerPrefix(String platform, String sellerId) {
    return "s" + SEP + platform + SEP + sellerId + SEP;
  }

  static String timePrefix() {
    return "t" + SEP;
  }

  /** The key of the complaint under a listing, seller or time prefix. */
  static String under(String prefix, Complaint complaint) {
    return prefix + time(complaint.receivedAt()) + SEP + complaint.key();
  }

  /** Milliseconds, zero-padded so that the text order is the time order. */
  static String time(Instant at) {
    // Padded by hand: String.format parsed its pattern at each of the four calls per listing, a
    // twentieth of detect's time under load (see docs/BENCHMARKS.md).
    long millis = Math.max(0, at.toEpochMilli());
    char[] digits = new char[TIME_DIGITS];
    for (int i = TIME_DIGITS - 1; i >= 0; i--) {
      digits[i] = (char) ('0' + millis % 10);
      millis /= 10;
    }
    if (millis != 0) {
      // Past the year 33,658: wider than the key's field; never cut, as %015d would not.
      return Long.toString(Math.max(0, at.toEpochMilli()));
    }
    return new String(digits);
  }

  /** The complaint key at the end of a listing, seller or time key. */
  static String complaintKeyOf(String storeKey, String prefix) {
    return storeKey.substring(prefix.length() + 16);
  }

  /** The time in a listing, seller or time key. */
  static long millisOf(String storeKey, String prefix) {
    return Long.parseLong(storeKey.substring(prefix.length(), prefix.length() + 15));
  }
}
