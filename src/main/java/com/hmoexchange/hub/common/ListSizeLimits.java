package com.hmoexchange.hub.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.ArrayType;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Refuses a list longer than its {@code @Size(max)} while the body is read, at the first item past the limit,
 * instead of binding every item and then validating each: a 5 MB array of nulls under {@code claimIds} had the
 * validator report a million violations, which Spring's binding result collects in quadratic time (minutes)
 * before the answer said that the list was too long. The answer is the one a list one item too long gets.
 */
@Component
class ListSizeLimits extends SimpleModule {

    ListSizeLimits() {
        super("hub-list-size-limits");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new Limited(deserializer, null);
            }

            @Override
            public JsonDeserializer<?> modifyArrayDeserializer(DeserializationConfig config, ArrayType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new Limited(deserializer, null);
            }
        });
    }

    /** A list in a request body longer than its field allows; answered 400 with the field and its rule. */
    static final class TooManyItems extends MismatchedInputException {

        private final String rule;

        TooManyItems(JsonParser parser, Size size) {
            super(parser, "more than " + size.max() + " items", (Class<?>) null);
            this.rule = size.message().startsWith("{") ? "must have at most " + size.max() + " items"
                    : size.message().replace("{max}", Integer.toString(size.max())).replace("{min}", Integer.toString(size.min()));
        }

        /** The field's own words for its limit, e.g. "must list at most 500 claim ids; send the rest in another request". */
        String rule() {
            return rule;
        }
    }

    /** Counts the items of a list field that has a {@code @Size(max)} and hands the list on when it fits. */
    private static final class Limited extends StdDeserializer<Object> implements ContextualDeserializer, ResolvableDeserializer {

        private final JsonDeserializer<Object> delegate;
        private final Size size;

        @SuppressWarnings("unchecked")
        Limited(JsonDeserializer<?> delegate, Size size) {
            super(delegate.handledType());
            this.delegate = (JsonDeserializer<Object>) delegate;
            this.size = size;
        }

        @Override
        public void resolve(DeserializationContext context) throws JsonMappingException {
            if (delegate instanceof ResolvableDeserializer resolvable) {
                resolvable.resolve(context);
            }
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) throws JsonMappingException {
            JsonDeserializer<?> contextual = delegate instanceof ContextualDeserializer c ? c.createContextual(context, property) : delegate;
            Size declared = property == null ? null : property.getAnnotation(Size.class);
            return new Limited(contextual, declared == null || declared.max() == Integer.MAX_VALUE ? null : declared);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (size == null || !parser.isExpectedStartArrayToken()) {
                return delegate.deserialize(parser, context);
            }
            // The items that fit are copied as tokens and bound by the usual deserializer; reading stops at one too many.
            TokenBuffer items = context.bufferForInputBuffering(parser);
            items.writeStartArray();
            int count = 0;
            for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (++count > size.max()) {
                    throw new TooManyItems(parser, size);
                }
                items.copyCurrentStructure(parser);
            }
            items.writeEndArray();
            try (JsonParser buffered = items.asParserOnFirstToken()) {
                return delegate.deserialize(buffered, context);
            }
        }

        @Override
        public Object deserializeWithType(JsonParser parser, DeserializationContext context, TypeDeserializer types) throws IOException {
            return delegate.deserializeWithType(parser, context, types);
        }

        @Override
        public Object getNullValue(DeserializationContext context) throws JsonMappingException {
            return delegate.getNullValue(context);
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) throws JsonMappingException {
            return delegate.getEmptyValue(context);
        }
    }
}
