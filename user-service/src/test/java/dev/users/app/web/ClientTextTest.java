package dev.users.app.web;

import dev.users.web.ClientText;
import org.junit.jupiter.api.Test;

import static dev.users.web.ClientText.Kind.LINE;
import static dev.users.web.ClientText.Kind.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

/** Exactly which characters each kind of field refuses (docs/api.md, "Characters"). */
class ClientTextTest {

    @Test
    void everyC0AndC1ControlAndDelAreRefusedInALine() {
        for (char c = 0; c < 0x20; c++) {
            assertThat(ClientText.refusal("a" + c + "b", LINE)).as("U+%04X", (int) c)
                    .isEqualTo(String.format("must not contain U+%04X (a control character)", (int) c));
        }
        for (char c = 0x7f; c <= 0x9f; c++) {
            assertThat(ClientText.refusal("a" + c, LINE)).as("U+%04X", (int) c).contains("a control character");
        }
    }

    @Test
    void separatorsAndBidiControlsAreRefusedInALine() {
        assertThat(ClientText.refusal("a\u2028b", LINE)).isEqualTo("must not contain U+2028 (a line or paragraph separator)");
        assertThat(ClientText.refusal("a\u2029b", LINE)).contains("U+2029");
        for (char c : "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069".toCharArray()) {
            assertThat(ClientText.refusal("x" + c, LINE)).as("U+%04X", (int) c)
                    .contains("a bidirectional formatting character");
        }
    }

    @Test
    void unpairedSurrogatesAreRefusedEverywhereButPairsAreFine() {
        assertThat(ClientText.refusal("a\ud800b", TEXT)).isEqualTo("must not contain U+D800 (an unpaired surrogate)");
        assertThat(ClientText.refusal("a\udc00", LINE)).contains("U+DC00 (an unpaired surrogate)");
        assertThat(ClientText.refusal("\udc00\ud800", TEXT)).contains("U+DC00");
        assertThat(ClientText.refusal("end\ud83d", TEXT)).contains("U+D83D");
        assertThat(ClientText.refusal("smile \ud83d\ude00", LINE)).isNull();
    }

    @Test
    void freeTextKeepsTabsNewlinesSeparatorsAndBidiButNeverNulOrOtherControls() {
        assertThat(ClientText.refusal("line one\r\nline two\tend \u2028 \u202e", TEXT)).isNull();
        assertThat(ClientText.refusal("a\u0000b", TEXT)).contains("U+0000");
        assertThat(ClientText.refusal("a\u001bb", TEXT)).contains("U+001B");
        assertThat(ClientText.refusal("a\u007fb", TEXT)).contains("U+007F");
        assertThat(ClientText.refusal("a\u0085b", TEXT)).contains("U+0085");
    }

    @Test
    void namesInEveryScriptWithTheirMarksAndJoinersAreFine() {
        assertThat(ClientText.refusal("Zoë O'Brien-Łukasz", LINE)).isNull();
        assertThat(ClientText.refusal("\u05e9\u05dc\u05d5\u05dd\u200f Smith", LINE)).isNull();
        assertThat(ClientText.refusal("\u0915\u094d\u200d\u0937", LINE)).isNull();
        assertThat(ClientText.refusal("\ud83d\udc69\u200d\ud83d\udcbb \u4e2d\u6587 \ufeff\uffff", LINE)).isNull();
        assertThat(ClientText.refusal("", LINE)).isNull();
        assertThat(ClientText.refusal(null, LINE)).isNull();
    }

    @Test
    void theFirstRefusedCharacterIsTheOneNamed() {
        assertThat(ClientText.refusal("ok\u0085\u0000", LINE)).contains("U+0085");
    }
}
