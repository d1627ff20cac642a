// The four blocks' editor side, written against WordPress's globals (no build step). Rendering is
// dynamic: `save` stores nothing but the block comment, and the preview comes from the server.
( function ( wp ) {
	const { registerBlockType } = wp.blocks;
	const { createElement: el, Fragment } = wp.element;
	const { InspectorControls, useBlockProps } = wp.blockEditor;
	const { PanelBody, TextControl, SelectControl, ToggleControl } = wp.components;
	const { __ } = wp.i18n;
	const ServerSideRender = wp.serverSideRender;

	const text = ( key, label, help ) => ( { key, label, help, kind: 'text' } );
	const common = [
		text( 'feed', __( 'Feed URL', 'civic-widgets' ), __( 'Empty: the default feed from Settings → Civic widgets.', 'civic-widgets' ) ),
		text( 'lang', __( 'Language', 'civic-widgets' ), __( 'en, fr, es or ar. Empty: the page\'s language.', 'civic-widgets' ) ),
		text( 'timeZone', __( 'Time zone', 'civic-widgets' ), __( 'local (the visitor\'s), event, or an IANA name such as Europe/Madrid.', 'civic-widgets' ) ),
		{ key: 'theme', label: __( 'Theme', 'civic-widgets' ), kind: 'select', options: [ 'auto', 'light', 'dark' ] },
	];
	const own = {
		countdown: [
			text( 'session', __( 'Session id', 'civic-widgets' ), __( 'Empty: the live session, else the next.', 'civic-widgets' ) ),
			{ key: 'layout', label: __( 'Layout', 'civic-widgets' ), kind: 'select', options: [ 'full', 'compact' ] },
		],
		agenda: [ text( 'pollHref', __( 'Poll page URL', 'civic-widgets' ), __( '{poll} is replaced by the poll id, e.g. /vote#{poll}', 'civic-widgets' ) ) ],
		poll: [
			text( 'poll', __( 'Poll id', 'civic-widgets' ), __( 'Empty: the poll of the live or next session.', 'civic-widgets' ) ),
			{ key: 'resultsOnly', label: __( 'Results only', 'civic-widgets' ), kind: 'toggle' },
		],
		recordings: [
			text( 'session', __( 'Session id', 'civic-widgets' ), __( 'Only this session\'s recordings.', 'civic-widgets' ) ),
			text( 'group', __( 'Group by', 'civic-widgets' ) ),
			text( 'pageSize', __( 'Recordings per page', 'civic-widgets' ) ),
		],
	};

	function control( field, attributes, setAttributes ) {
		const value = attributes[ field.key ];
		const onChange = ( next ) => setAttributes( { [ field.key ]: next } );
		if ( field.kind === 'select' ) {
			return el( SelectControl, { key: field.key, label: field.label, value, onChange, options: field.options.map( ( v ) => ( { label: v, value: v } ) ) } );
		}
		if ( field.kind === 'toggle' ) {
			return el( ToggleControl, { key: field.key, label: field.label, checked: !! value, onChange } );
		}
		return el( TextControl, { key: field.key, label: field.label, help: field.help, value: value || '', onChange } );
	}

	Object.keys( own ).forEach( ( name ) => {
		registerBlockType( 'civic-widgets/' + name, {
			edit( { attributes, setAttributes } ) {
				return el(
					Fragment,
					null,
					el(
						InspectorControls,
						null,
						el( PanelBody, { title: __( 'Widget', 'civic-widgets' ) }, own[ name ].map( ( f ) => control( f, attributes, setAttributes ) ) ),
						el( PanelBody, { title: __( 'Feed and display', 'civic-widgets' ) }, common.map( ( f ) => control( f, attributes, setAttributes ) ) )
					),
					el( 'div', useBlockProps(), el( ServerSideRender, { block: 'civic-widgets/' + name, attributes } ) )
				);
			},
			save: () => null,
		} );
	} );
} )( window.wp );
