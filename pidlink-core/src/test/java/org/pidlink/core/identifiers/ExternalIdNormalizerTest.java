package org.pidlink.core.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ORCID's own test vectors (ORCID-Source {@code orcid-core/src/test/.../v3/identifiers/*NormalizerTest}), run
 * through the whole pipeline: the case step first, so case-insensitive types come out lower-cased where ORCID's
 * single-normalizer tests show the unlowered text.
 */
class ExternalIdNormalizerTest {

    private final ExternalIdNormalizer normalizer = ExternalIdNormalizer.standard();

    static Stream<Arguments> orcidVectors() {
        return Stream.of(
                // orcid-api.md §5.5 and PIDNormalizationServiceTest
                v("doi", "https://dx.doi.org/10.1/UPPER", "10.1/upper"),
                v("doi", "http://doi.org/10.1/UPPER", "10.1/upper"),
                v("doi", "10.1/UPPER", "10.1/upper"),
                v("doi", "doi:10.1/UPPER", "10.1/upper"),
                v("doi", "DOI: 10.1/upper", "10.1/upper"),
                v("agr", "UPPER", "upper"),
                v("bibcode", " 123456789.A23456789 ", "123456789.A23456789"),
                // DOINormalizerTest
                v("doi", "10.123/123", "10.123/123"),
                v("doi", "https://dx.doi.org/10.123/123", "10.123/123"),
                v("doi", "http://doi.org/10.123/123", "10.123/123"),
                v("doi", "S0022-2828(12)00261-1 [pii]\n10.1016/j.yjmcc.2012.07.013", "10.1016/j.yjmcc.2012.07.013"),
                v("doi", " 10.1051/0004-6361/201424908", "10.1051/0004-6361/201424908"),
                v("doi", "052029\n10.1088/1742-6596/635/5/052029", "10.1088/1742-6596/635/5/052029"),
                v("doi", " doi:10.1016/B978-0-12-384947-2.00376-7", "10.1016/b978-0-12-384947-2.00376-7"),
                v("doi", "S0901-5027(13)00256-7 [pii] 10.1016/j.ijom.2013.05.017 [doi]\n10.1016/j.ijom.2013.05.017. Epub 2013 Jun 28.",
                        "10.1016/j.ijom.2013.05.017"),
                v("doi", "dx.doi.org/10.24273/JGEET.2016.11.9", "10.24273/jgeet.2016.11.9"),
                v("doi", "Br J Sports Med 2013;47:e3 doi:10.1136/bjsports-2013-092558.24", "10.1136/bjsports-2013-092558.24"),
                v("doi", "ISSN 2040-4689 10.1386/crre.8.1.141_7", "10.1386/crre.8.1.141_7"),
                v("doi", "doi:10.1016/j.foodqual.2016.02.012", "10.1016/j.foodqual.2016.02.012"),
                v("doi", "DOI: 10.1039/c5ra23133g", "10.1039/c5ra23133g"),
                v("doi", "DOI 10.1007/978-981-10-5520-1_60", "10.1007/978-981-10-5520-1_60"),
                v("doi", "DOI:http://dx.doi.org/10.1103/PhysRevApplied.4.014012", "10.1103/physrevapplied.4.014012"),
                v("doi", " DOI 10.4236/ojgen.2013.33021 ", "10.4236/ojgen.2013.33021"),
                v("doi", "Doi:10.3153/jfscom.201420", "10.3153/jfscom.201420"),
                v("doi", "http://10.1016/j.lrp.2014.03.001", "10.1016/j.lrp.2014.03.001"),
                v("doi", "http:/dx.doi.org/10.5965/1414573101242015147", "10.5965/1414573101242015147"),
                v("doi", "http://www.dx.doi.org/10.5935/1415-2762.20160006", "10.5935/1415-2762.20160006"),
                v("doi", "http://scitation.aip.org/content/aip/journal/jcp/115/11/10.1063/1.1395625", "10.1063/1.1395625"),
                v("doi", "https://doi.org/10.1049/el:20000645", "10.1049/el:20000645"),
                v("doi", "https://doi.org/10.1016/S0920-5632(02)80001-9", "10.1016/s0920-5632(02)80001-9"),
                v("doi", "10.1175/1520-0426(2000)017<0854:AEOSRB>2.0.CO;2", "10.1175/1520-0426(2000)017<0854:aeosrb>2.0.co;2"),
                v("doi", "10.1175/1520-0426(2000)017[0854:AEOSRB]2.0.CO;2", "10.1175/1520-0426(2000)017[0854:aeosrb]2.0.co;2"),
                v("doi", "10.1175/1520-0426(2000)017{0854:AEOSRB}2.0.CO;2", "10.1175/1520-0426(2000)017{0854:aeosrb}2.0.co;2"),
                v("doi", "10.1175/1520-0426(2000)017&amp;lt;0854:AEOSRB&amp;gt;2.0.CO;2", "10.1175/1520-0426(2000)017<0854:aeosrb>2.0.co;2"),
                v("doi", "10.1/trailing.", "10.1/trailing."),
                v("doi", "ijiv11i2a8", ""),
                v("doi", "doi:10.1038", ""),
                v("doi", "papers3://publication/doi/10.1038", ""),
                v("doi", "Unisinos - 10.4013 /cld.2016.141.04", ""),
                // ISBNNormalizerTest
                v("isbn", "0168-132X/n0-7923-4604-1", "0792346041"),
                v("isbn", "0065-3071;978-3-8055-8113-4", "9783805581134"),
                v("isbn", "\" ISBN: 92-828-5179-6 ISSN: 1018-5593\"", "9282851796"),
                v("isbn", "0-444-51034-6 (cloth);0531-5131", "0444510346"),
                v("isbn", "(10) 1-4438-3289-8", "1443832898"),
                v("isbn", "(13): 978-84-939843-2-8", "9788493984328"),
                v("isbn", "(978) 963 301 489 1", "9633014891"),
                v("isbn", "ISBN-10: 0470860782", "0470860782"),
                v("isbn", "ISBN: 972-829-898-6", "9728298986"),
                v("isbn", "\" ISBN: 978-972-789-400-0. \"", "9789727894000"),
                v("isbn", "{ISBN} 1-86094-191-5", "1860941915"),
                v("isbn", "ISBN: 978385476-449-6", "9783854764496"),
                v("isbn", "Print 978-3-642-22940-4; Online 978-3-642-22941-1", "9783642229404"),
                v("isbn", "978-1-4939-2530-8 978-1-4939-2531-5", "9781493925308"),
                v("isbn", "\" 9781136218125 1136218122 9780203096437 0203096436\"", "9781136218125"),
                v("isbn", "\"ISBN-13: 978-3-8443-1057-3, ISBN-10: 3844310576, EAN: 9783844310573\"", "9783844310573"),
                v("isbn", "{981-238-860-5}", "9812388605"),
                v("isbn", "^\\^^9789185245313", "9789185245313"),
                v("isbn", "Vol. 4 ISBN 951-817-386-9.\"", "9518173869"),
                v("isbn", "\"9780415801744 (hardback acid-free paper)", "9780415801744"),
                v("isbn", "\"ISBN 978-3-85132-675-8, 2012\"", "9783851326758"),
                v("isbn", "\"Palgrave 2012, paperback, 978-0-230-27567-6 \"", "9780230275676"),
                v("isbn", "國際標準書號:1572731109", "1572731109"),
                v("isbn", "國際標準書號:157273110X", "157273110X"),
                v("isbn", "國際標準書號:157273110x", "157273110X"),
                v("isbn", "ISBN: 123-456-7-89x junk", "123456789X"),
                v("isbn", "\"0065-2113", ""),
                v("isbn", "12345678901", ""),
                v("isbn", "123456789", ""),
                // ISSNNormalizerTest
                v("issn", "1234-5678", "1234-5678"),
                v("issn", "1234-567X", "1234-567X"),
                v("issn", "0210-9980 DOI: 10.7203/saitabi.64.7258", "0210-9980"),
                v("issn", "Print ISSN: 0974–2441  Online ISSN: 2455–3891", "0974-2441"),
                v("issn", "09599428 13645501", "0959-9428"),
                v("issn", "13886150", "1388-6150"),
                v("issn", "0008-5472;1538-7445", "0008-5472"),
                v("issn", "ISSN 0121-053X  ISSN en línea 2346-1829", "0121-053X"),
                v("issn", "ISSN  0123- 4870   ISSN- E; 0120- 2146", "0123-4870"),
                v("issn", "ISSN 0123-4412", "0123-4412"),
                v("issn", "0277-786X;978-0-8194-9002-5", "0277-786X"),
                v("issn", " (e): 2250-3021, ISSN (p): 2278-8719", "2250-3021"),
                v("issn", "EI Accession number: 10179064", "1017-9064"),
                v("issn", "ISSN: 2351-8200", "2351-8200"),
                v("issn", "ISSN-1870-3984", "1870-3984"),
                v("issn", "1434-9949 (Electronic) 0770-3198 (Linking)", "1434-9949"),
                v("issn", "1473 - 0111 ", "1473-0111"),
                v("issn", "0365-0340 (Print) 1476-3567 (Online)", "0365-0340"),
                v("issn", "978-85-17-00088-1", ""),
                v("issn", "1234567", ""),
                v("issn", "123456789", ""),
                // PMIDNormalizerTest
                v("pmid", " 23684069 ", "23684069"),
                v("pmid", "25392386 ", "25392386"),
                v("pmid", " 22301346", "22301346"),
                v("pmid", "PMID: 10082085", "10082085"),
                v("pmid", "PMID: 21054200 [PubMed - indexed for MEDLINE]", "21054200"),
                v("pmid", "PMID: 9528837 [PubMed - indexed for MEDLINE] PMCID: PMC2150087", "9528837"),
                v("pmid", "PMID: 28005710 ", "28005710"),
                v("pmid", "PMID:   28005710", "28005710"),
                v("pmid", "      28005710 ", "28005710"),
                v("pmid", "PubMed PMID: 19006866", "19006866"),
                v("pmid", "doi: 10.1007/s10827-015-0564-6. Epub 2015 Apr 24. PMID: 25904470", "25904470"),
                v("pmid", "http://europepmc.org/abstract/med/26687626", "26687626"),
                v("pmid", "http://europepmc.org/abstract/MED/26687626", "26687626"),
                v("pmid", "http://www.ncbi.nlm.nih.gov/pubmed/16475611", "16475611"),
                v("pmid", "https://pubmed.ncbi.nlm.nih.gov/16475611/", "16475611"),
                v("pmid", "J Psychopharmacol. 2014 Oct;28(10):935-46. doi: 10.1177/0269881114542856. Epub 2014 Jul 16.", ""),
                v("pmid", "PMC27092172", ""),
                v("pmid", "0000-0003-0245-8683", ""),
                v("pmid", "ISI:000232786000040", ""),
                v("pmid", "10.3991%2Fijet.v3i0.551", ""),
                v("pmid", "org/10.1016/j.psychres.2017.05.027", ""),
                v("pmid", "MR2098779", ""),
                v("pmid", "orci,org/0000-0003-2246-8555", ""),
                // PMCNormalizerTest
                v("pmc", "22030407", "22030407"),
                v("pmc", "    PMC4731170", "4731170"),
                v("pmc", "pmc4901884", "4901884"),
                v("pmc", "Pmc4582883", "4582883"),
                v("pmc", "PMC 1234567", "1234567"),
                v("pmc", "123456", "123456"),
                v("pmc", "12345", "12345"),
                v("pmc", " 12345678", "12345678"),
                v("pmc", "PMID: 25123551 [PubMed - in process] PMCID: PMC4146442 ", "4146442"),
                v("pmc", "PMID: 27930716 PMCID: PMC5145179 DOI: 10.1371/journal.pone.0167675", "5145179"),
                v("pmc", "PMCID: PMC4937647", "4937647"),
                // ORCID's own "known false match": after the case step the upper-case PMC look-ahead never fires.
                v("pmc", "12690141  PMCID: PMC1744630", "12690141"),
                v("pmc", "PMID: 25533354", ""),
                v("pmc", "ISSN: 0363-0269", ""),
                v("pmc", "EMS58897", ""),
                v("pmc", "PMID: 9360540 DOI: 10.1210/jcem.82.11.4385", ""),
                v("pmc", "dx.doi.org/10.1021/jf2029972", ""),
                v("pmc", "Helicobacter ISSN 1523-5378", ""),
                v("pmc", "0000-0003-0245-8683", ""),
                v("pmc", "UKMS36054", ""),
                v("pmc", "Biol Res Nursing", ""),
                v("pmc", "pub med", ""),
                v("pmc", "www.sciencedirect.com/science/article/pii/S1741940905000932", ""),
                v("pmc", "NIHMS599470", ""),
                v("pmc", "?", ""),
                // ArxivNormalizerTest
                v("arxiv", "0704.0001", "arXiv:0704.0001"),
                v("arxiv", "0704.0001v1", "arXiv:0704.0001v1"),
                v("arxiv", "0704.0001v2", "arXiv:0704.0001v2"),
                v("arxiv", "arxiv:0704.0001", "arXiv:0704.0001"),
                v("arxiv", "arXiv:0704.0001v1", "arXiv:0704.0001v1"),
                v("arxiv", "hep-th/9901001", "arXiv:hep-th/9901001"),
                v("arxiv", "hep-th/9901001v1", "arXiv:hep-th/9901001v1"),
                v("arxiv", "math.CA/0611800v2", "arXiv:math.ca/0611800v2"),
                v("arxiv", "ARXIV:hep-th/9901001", "arXiv:hep-th/9901001"),
                v("arxiv", "arxiv:math.CA/0611800v2", "arXiv:math.ca/0611800v2"),
                v("arxiv", "arXiv:physics/9901001v1 [physics.optics] 1 Jan 1999", "arXiv:physics/9901001v1"),
                v("arxiv", "arXiv:0706.0002v3 [astro-ph] 15 Mar 2008", "arXiv:0706.0002v3"),
                v("arxiv", "blah blah blah 0706.0002v3 [astro-ph] 15 Mar 2008", "arXiv:0706.0002v3"),
                v("arxiv", "219812y arxiv:math.CA/0611800v2", "arXiv:math.ca/0611800v2"),
                v("arxiv", "arXiv:1501.00001", "arXiv:1501.00001"),
                v("arxiv", "no identifier here", ""),
                // BibcodeNormalizerTest (bibcode is case-sensitive: no case step)
                v("bibcode", "123456789.A23456789", "123456789.A23456789"),
                v("bibcode", "123456789.A23456789 ", "123456789.A23456789"),
                v("bibcode", " 123456789.A23456789", "123456789.A23456789"),
                v("bibcode", "Bibcode: 123456789.A23456789 ", "123456789.A23456789"),
                v("bibcode", "BIBCODE:  123456789.A23456789 ", "123456789.A23456789"),
                v("bibcode", "bibcode 123456789.A23456789 ", "123456789.A23456789"),
                v("bibcode", " 123456789.A2345678 ", ""),
                v("bibcode", " 123456789. A23456789 ", ""),
                v("bibcode", "ABCD56789.A23456789", ""),
                // URINormalizerTest (uri is case-sensitive)
                v("uri", "https://bbc.co.uk", "https://bbc.co.uk"),
                v("uri", "http://bbc.co.uk", "http://bbc.co.uk"),
                v("uri", "https://www.bbc.co.uk", "https://www.bbc.co.uk"),
                v("uri", "http://www.bbc.co.uk", "http://www.bbc.co.uk"),
                v("uri", "bbc.co.uk", "http://bbc.co.uk"),
                v("uri", "www.bbc.co.uk", "http://www.bbc.co.uk"),
                v("uri", "https://youtu.be/delYABXr4p0", "https://youtu.be/delYABXr4p0"),
                v("uri", "ftp://Example.org/A", "ftp://Example.org/A"),
                // rrid (case-sensitive, CURIE prefix)
                v("rrid", "AB_262044", "RRID:AB_262044"),
                v("rrid", "RRID:AB_262044", "RRID:AB_262044"),
                // case step only
                v("handle", "http://hdl.handle.net/10.1000/ABC", "http://hdl.handle.net/10.1000/abc"),
                v("other-id", "AbC-1", "abc-1"),
                v("source-work-id", "Work-42", "work-42"),
                v("grant_number", "ABC123", "abc123"),
                v("url", "NotAnOrcidType", "NotAnOrcidType"),
                v("ark", "ark:/13030/TF5P30086K", "ark:/13030/TF5P30086K"),
                v("ol", "OL7353617M", "OL7353617M"),
                v("ethos", "uk.bl.ethos.ABC", "uk.bl.ethos.ABC"));
    }

    private static Arguments v(String type, String value, String normalized) {
        return Arguments.of(type, value, normalized);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("orcidVectors")
    void normalizesLikeOrcid(String type, String value, String expected) {
        assertThat(normalizer.normalize(type, value)).isEqualTo(expected);
    }

    @Test
    void loadsOrcidsIdentifierTypeTable() {
        assertThat(normalizer.types()).hasSize(52);
        assertThat(normalizer.type("doi")).contains(
                new IdentifierType("doi", "https://doi.org/", false, "DOI", "work", false, "DOINormalizer"));
        assertThat(normalizer.type("grant_number")).hasValueSatisfying(t -> assertThat(t.dbName()).isEqualTo("GRANT_NUMBER"));
        assertThat(normalizer.type("raid")).hasValueSatisfying(t -> assertThat(t.resolutionPrefix()).isEqualTo("https://raid.org/"));
        assertThat(normalizer.type("uri")).hasValueSatisfying(t -> {
            assertThat(t.caseSensitive()).isTrue();
            assertThat(t.hasResolutionPrefix()).isFalse();
        });
        assertThat(normalizer.types()).filteredOn(IdentifierType::caseSensitive).extracting(IdentifierType::apiName)
                .containsExactlyInAnyOrder("bibcode", "ol", "ethos", "uri", "rrid", "ark", "empiar", "emdb", "k10plus", "cgn");
        assertThat(normalizer.isKnownType("pmc")).isTrue();
        assertThat(normalizer.isKnownType("grant-number")).isFalse();
        assertThat(normalizer.isKnownType("DOI")).isFalse();
        assertThat(normalizer.isKnownType(null)).isFalse();
        assertThat(normalizer.type("nope")).isEmpty();
    }

    @Test
    void nullValuesAndUnknownTypesPassThrough() {
        assertThat(normalizer.normalize("doi", null)).isNull();
        assertThat(normalizer.normalize(null, "X")).isEqualTo("X");
        assertThat(normalizer.normalize("made-up", "MiXeD")).isEqualTo("MiXeD");
    }

    @Test
    void matchKeyFallsBackToTheRawValueWhenNormalizationYieldsNothing() {
        assertThat(normalizer.matchKey("doi", "https://doi.org/10.1/ABC")).isEqualTo("10.1/abc");
        assertThat(normalizer.matchKey("doi", "not a doi")).isEqualTo("not a doi");
        assertThat(normalizer.sameIdentifier("doi", "https://doi.org/10.1/ABC", "doi:10.1/abc")).isTrue();
        assertThat(normalizer.sameIdentifier("doi", "10.1/abc", "10.1/abd")).isFalse();
        assertThat(normalizer.sameIdentifier("isbn", "ISBN 978-3-16-148410-0", "9783161484100")).isTrue();
        assertThat(normalizer.sameIdentifier("uri", "http://Example.org", "http://example.org")).isFalse();
    }

    @Test
    void customTablesAreValidated() {
        IdentifierType bogus = new IdentifierType("x", "", false, "X", "work", false, "NoSuchNormalizer");
        assertThatThrownBy(() -> ExternalIdNormalizer.of(List.of(bogus)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NoSuchNormalizer");
        IdentifierType plain = new IdentifierType("x", "", true, "X", "work", false, "");
        assertThatThrownBy(() -> ExternalIdNormalizer.of(List.of(plain, plain)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
        assertThat(ExternalIdNormalizer.of(List.of(plain)).normalize("x", "KeepCase")).isEqualTo("KeepCase");
    }

    @Test
    void rejectsMalformedTableRows() {
        assertThatThrownBy(() -> ExternalIdNormalizer.parseTypes(new BufferedReader(new StringReader(
                "db_id,db_name,api_type,resolution_prefix,case_sensitive,primary_use,deprecated,type_specific_normalizer\n"
                        + "1,DOI,doi,,maybe,work,false,\n"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a boolean");
        assertThatThrownBy(() -> ExternalIdNormalizer.parseTypes(new BufferedReader(new StringReader("a,b\n"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("header");
    }

    @Test
    void standardIsOneSharedInstance() {
        assertThat(ExternalIdNormalizer.standard()).isSameAs(ExternalIdNormalizer.standard());
    }
}
