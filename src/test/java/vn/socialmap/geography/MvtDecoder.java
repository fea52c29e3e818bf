package vn.socialmap.geography;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of the Mapbox Vector Tile format (protobuf, spec 2.1) to check tiles in tests:
 * layers with their names, extents and features' attributes and geometry types.
 */
final class MvtDecoder {

    record Feature(int type, Map<String, Object> properties, int geometryCommands) {
    }

    record Layer(String name, int extent, List<Feature> features) {
    }

    private final byte[] b;
    private int pos;

    private MvtDecoder(byte[] bytes, int from) {
        this.b = bytes;
        this.pos = from;
    }

    static List<Layer> decode(byte[] tile) {
        List<Layer> layers = new ArrayList<>();
        MvtDecoder d = new MvtDecoder(tile, 0);
        while (d.pos < tile.length) {
            long key = d.varint();
            if ((key >>> 3) == 3 && (key & 7) == 2) {
                int length = (int) d.varint();
                layers.add(layer(tile, d.pos, d.pos + length));
                d.pos += length;
            } else {
                d.skip((int) (key & 7));
            }
        }
        return layers;
    }

    private static Layer layer(byte[] bytes, int from, int to) {
        MvtDecoder d = new MvtDecoder(bytes, from);
        String name = null;
        int extent = 4096;
        List<String> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<int[]> featureRanges = new ArrayList<>();
        while (d.pos < to) {
            long key = d.varint();
            int field = (int) (key >>> 3);
            if (field == 1) {
                name = d.string();
            } else if (field == 2) {
                int length = (int) d.varint();
                featureRanges.add(new int[] {d.pos, d.pos + length});
                d.pos += length;
            } else if (field == 3) {
                keys.add(d.string());
            } else if (field == 4) {
                int length = (int) d.varint();
                values.add(value(bytes, d.pos, d.pos + length));
                d.pos += length;
            } else if (field == 5) {
                extent = (int) d.varint();
            } else {
                d.skip((int) (key & 7));
            }
        }
        List<Feature> features = new ArrayList<>();
        for (int[] r : featureRanges) {
            features.add(feature(bytes, r[0], r[1], keys, values));
        }
        return new Layer(name, extent, features);
    }

    private static Feature feature(byte[] bytes, int from, int to, List<String> keys, List<Object> values) {
        MvtDecoder d = new MvtDecoder(bytes, from);
        Map<String, Object> props = new HashMap<>();
        int type = 0;
        int commands = 0;
        while (d.pos < to) {
            long key = d.varint();
            int field = (int) (key >>> 3);
            if (field == 2) {
                int end = (int) d.varint() + d.pos;
                while (d.pos < end) {
                    int k = (int) d.varint();
                    int v = (int) d.varint();
                    props.put(keys.get(k), values.get(v));
                }
            } else if (field == 3) {
                type = (int) d.varint();
            } else if (field == 4) {
                int end = (int) d.varint() + d.pos;
                while (d.pos < end) {
                    d.varint();
                    commands++;
                }
            } else {
                d.skip((int) (key & 7));
            }
        }
        return new Feature(type, props, commands);
    }

    private static Object value(byte[] bytes, int from, int to) {
        MvtDecoder d = new MvtDecoder(bytes, from);
        Object value = null;
        while (d.pos < to) {
            long key = d.varint();
            int field = (int) (key >>> 3);
            switch (field) {
                case 1 -> value = d.string();
                case 4, 5 -> value = d.varint();
                case 6 -> {
                    long v = d.varint();
                    value = (v >>> 1) ^ -(v & 1);
                }
                case 7 -> value = d.varint() != 0;
                default -> d.skip((int) (key & 7));
            }
        }
        return value;
    }

    private long varint() {
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            byte x = b[pos++];
            result |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return result;
            }
        }
    }

    private String string() {
        int length = (int) varint();
        String s = new String(b, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return s;
    }

    private void skip(int wireType) {
        switch (wireType) {
            case 0 -> varint();
            case 1 -> pos += 8;
            case 2 -> pos += (int) varint();
            case 5 -> pos += 4;
            default -> throw new IllegalStateException("wire type " + wireType);
        }
    }
}
