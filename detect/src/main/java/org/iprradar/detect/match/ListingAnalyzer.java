package org.iprradar.detect.match;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Normalises listing text the same way for rules and listings, keeping offsets into the original
 * text.
 *
 * <ul>
 *   <li>NFKC with case folding (a char filter, so offsets are corrected): full-width letters and
 *       digits become half-width, Latin case is folded independently of the default locale.
 *   <li>The standard tokenizer: every Han ideograph is its own token, so a Chinese word is a phrase
 *       of characters and spaces or punctuation inserted between them (古 驰, 古.驰) do not break a
 *       match.
 *   <li>Traditional to Simplified Chinese, so 香奈兒 matches 香奈儿.
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
    // Transliterator instances are not thread-safe; one per reused component chain is.
    TokenStream stream =
        new ICUTransformFilter(tokenizer, Transliterator.getInstance("Traditional-Simplified"));
    return new TokenStreamComponents(tokenizer, stream);
  }

  @Override
  protected Reader initReaderForNormalization(String fieldName, Reader reader) {
    return initReader(fieldName, reader);
  }
}
