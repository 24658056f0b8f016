import { describe, expect, it } from 'vitest';
import { collectBuildings } from '../../../scripts/build-demo/buildings';
import { parseOsmXml } from '../../../scripts/build-demo/osm';
import { assembleMultipolygon } from '../../../scripts/build-demo/osmGeometry';

/** A courtyard building mapped as a multipolygon whose outer ring is split over two ways. */
const COURTYARD = `<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="test">
 <bounds minlat="21.0" minlon="105.0" maxlat="21.01" maxlon="105.01"/>
 <!-- outer ring corners -->
 <node id="1" lat="21.000" lon="105.000" timestamp="2020-01-01T00:00:00Z"/>
 <node id="2" lat="21.000" lon="105.002"/>
 <node id="3" lat="21.002" lon="105.002" timestamp="2021-06-01T00:00:00Z"/>
 <node id="4" lat="21.002" lon="105.000"/>
 <node id="5" lat="21.0005" lon="105.0005"/>
 <node id="6" lat="21.0005" lon="105.0015"/>
 <node id="7" lat="21.0015" lon="105.0015"/>
 <node id="8" lat="21.0015" lon="105.0005"/>
 <node id="9" lat="21.0" lon="105.0" visible="false"/>
 <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/></way>
 <way id="11"><nd ref="1"/><nd ref="4"/><nd ref="3"/></way>
 <way id="12"><nd ref="5"/><nd ref="6"/><nd ref="7"/><nd ref="8"/><nd ref="5"/></way>
 <relation id="20">
  <member type="way" ref="10" role="outer"/>
  <member type="way" ref="11" role="outer"/>
  <member type="way" ref="12" role="inner"/>
  <tag k="type" v="multipolygon"/>
  <tag k="building" v="school"/>
  <tag k="name" v="Trường &quot;Ánh Sao&quot; &amp; sân"/>
  <tag k="building:levels" v="3"/>
 </relation>
</osm>`;

describe('parseOsmXml', () => {
  const doc = parseOsmXml(COURTYARD, 'courtyard.osm');

  it('reads bounds, elements, tags (with XML entities) and the newest timestamp', () => {
    expect(doc.bounds).toEqual({ minLat: 21, minLon: 105, maxLat: 21.01, maxLon: 105.01 });
    expect(doc.nodes.size).toBe(8); // node 9 is a deleted version
    expect(doc.ways.get('10')?.nodeRefs).toEqual(['1', '2', '3']);
    expect(doc.relations.get('20')?.tags.name).toBe('Trường "Ánh Sao" & sân');
    expect(doc.latestTimestamp).toBe('2021-06-01T00:00:00Z');
  });

  it('joins split outer ways into a ring and puts the courtyard in as a hole', () => {
    const [polygon, ...others] = assembleMultipolygon(doc, '20');
    expect(others).toEqual([]);
    expect(polygon).toHaveLength(2);
    expect(polygon![0]).toHaveLength(5);
    expect(polygon![0]![0]).toEqual(polygon![0]![4]);
    expect(polygon![1]).toHaveLength(5);
  });

  it('turns the multipolygon into a building with its levels', () => {
    const [building] = collectBuildings(doc);
    expect(building).toMatchObject({ osmType: 'relation', osmId: '20', buildingType: 'school', height: { source: 'osmLevels', levels: 3 } });
  });

  it('says where the file is wrong', () => {
    expect(() => parseOsmXml('<osm>\n<node id="1" lat="95" lon="105"/>\n</osm>', 'bad.osm')).toThrow(
      'bad.osm, line 2: node 1 has no valid lat/lon',
    );
    expect(() => parseOsmXml('<osm>\n\n<way id="x"/></osm>', 'bad.osm')).toThrow('bad.osm, line 3: <way> without a numeric id');
    expect(() => parseOsmXml('<gpx></gpx>', 'track.gpx')).toThrow('track.gpx is not OSM XML');
  });

  it('refuses a way whose nodes are missing from the extract', () => {
    const clipped = parseOsmXml('<osm><way id="5"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="1"/><tag k="building" v="yes"/></way></osm>');
    expect(() => collectBuildings(clipped)).toThrow('way 5 references node 1, which is not in the extract');
  });
});
