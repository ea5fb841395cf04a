package io.worklane.web;

import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

/**
 * Refuses C0 control characters other than TAB, LF and CR, and DEL, in every string value and every member name
 * of a request body, at any depth (free-form {@code attributes} included): JSON may escape them ({@code \u0000}),
 * but no field of Worklane means them, and they break logs, CSV exports and the databases' text handling
 * (PostgreSQL refuses NUL). Checked on the tokens as they are read, so the answer can name the field.
 */
public final class ControlCharacterCheck {

    private ControlCharacterCheck() {
    }

    /** Thrown while reading; {@link #field} is the path of the offending member, dotted ({@code attributes.note}). */
    static final class ControlCharacterException extends JsonParseException {

        final String field;

        ControlCharacterException(JsonParser parser, String field) {
            super(parser, "control character in field '" + field + "'");
            this.field = field;
        }
    }

    static boolean isRefused(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
    }

    /** Whether the text holds a control character no field accepts (also for text that came another way than JSON). */
    public static boolean containsRefused(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isRefused(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A JSON factory (the mapper's settings) whose parsers check each string and name. */
    static final class Factory extends JsonFactory {

        Factory(JsonFactory settings, ObjectCodec codec) {
            super(settings, codec);
        }

        @Override
        protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
            return new Checked(super._createParser(in, ctxt));
        }

        @Override
        protected JsonParser _createParser(Reader r, IOContext ctxt) throws IOException {
            return new Checked(super._createParser(r, ctxt));
        }

        @Override
        protected JsonParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable)
                throws IOException {
            return new Checked(super._createParser(data, offset, len, ctxt, recyclable));
        }

        @Override
        protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
            return new Checked(super._createParser(data, offset, len, ctxt));
        }

        @Override
        protected JsonParser _createParser(DataInput input, IOContext ctxt) throws IOException {
            return new Checked(super._createParser(input, ctxt));
        }
    }

    /** Every other way of advancing the parser goes through these two (JsonParser's defaults call nextToken). */
    private static final class Checked extends JsonParserDelegate {

        Checked(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            return check(super.nextToken());
        }

        @Override
        public JsonToken nextValue() throws IOException {
            return check(super.nextValue());
        }

        private JsonToken check(JsonToken token) throws IOException {
            if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) && containsRefused(getText())) {
                throw new ControlCharacterException(this, path(getParsingContext()));
            }
            return token;
        }

        private static String path(JsonStreamContext context) {
            StringBuilder path = new StringBuilder();
            for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
                String step = at.inObject() ? escaped(at.getCurrentName()) : String.valueOf(at.getCurrentIndex());
                path.insert(0, path.isEmpty() ? step : step + ".");
            }
            return path.toString();
        }

        /** A member name that is itself refused is named with its control characters escaped. */
        private static String escaped(String name) {
            if (name == null) {
                return "";
            }
            StringBuilder text = new StringBuilder();
            for (char c : name.toCharArray()) {
                text.append(isRefused(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
            return text.toString();
        }
    }
}
