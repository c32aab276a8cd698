package org.iprradar.detect.match;

import com.ibm.icu.text.Normalizer2;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Normalises listing text the same way for rules and listings, keeping offsets into the original
 * text.
 *
 * <ul>
 *   <li>NFKC with case folding, as a char filter so offsets are corrected: full-width letters and
 *       digits become half-width, Latin case is folded independently of the default locale, and
 *       invisible characters (zero-width spaces) disappear.
 *   <li>The standard tokenizer: every Han ideograph is its own token, so a Chinese word is a phrase
 *       of characters that matches wherever it stands, even inside a longer run (正品驴牌包), and spaces
 *       or punctuation inserted between its characters (古 驰, 法拉*利) do not break it. Word
 *       segmentation (smartcn) was not chosen: a wrong cut (驴/牌包) would hide a brand, while phrase
 *       matching of characters cannot miss one.
 *   <li>{@link EvasionFilter}: emoji separators, leetspeak, letter-digit runs, traditional
 *       characters.
 * </ul>
 */
public final class ListingAnalyzer extends Analyzer {

  private static final Normalizer2 NFKC_CASEFOLD =
      Normalizer2.getInstance(null, "nfkc_cf", Normalizer2.Mode.COMPOSE);

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new ICUNormalizer2CharFilter(reader, NFKC_CASEFOLD);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    var tokenizer = new StandardTokenizer();
    return new TokenStreamComponents(tokenizer, new EvasionFilter(tokenizer));
  }

  @Override
  protected Reader initReaderForNormalization(String fieldName, Reader reader) {
    return initReader(fieldName, reader);
  }
}
