/**
 * The "Messenger-Check" block in the editor: plain JavaScript against WordPress's own globals
 * (no build step, nothing from another site). The sidebar holds the same settings as the
 * embed builder; the page shows the widget itself (rendered by PHP: includes/render.php).
 * What the widget offers (languages, messengers) comes from the widget (widget.json).
 */
( function ( blocks, element, blockEditor, components, i18n ) {
	'use strict';
	var el = element.createElement;
	var __ = i18n.__;
	var data = window.messengerCheckEditor || { languages: [], messengers: [], site: {}, settingsUrl: '' };

	function colour( props, field, label ) {
		return el(
			components.BaseControl,
			{ id: 'messenger-check-' + field, label: label },
			el( components.ColorPalette, {
				value: props.attributes[ field ] || undefined,
				disableCustomColors: false,
				clearable: true,
				onChange: function ( value ) {
					var change = {};
					change[ field ] = value || '';
					props.setAttributes( change );
				},
			} )
		);
	}

	function edit( props ) {
		var a = props.attributes;
		var set = props.setAttributes;
		var blockProps = blockEditor.useBlockProps( { className: 'messenger-check-editor' } );
		var languages = [ { value: '', label: __( 'As in the site settings', 'messenger-check' ) } ].concat(
			data.languages.map( function ( l ) {
				return { value: l.code, label: l.name };
			} )
		);
		var choices = [
			{ value: '', label: __( 'as the site settings have it', 'messenger-check' ) },
			{ value: 'recommend', label: __( 'recommend', 'messenger-check' ) },
			{ value: 'hide', label: __( 'hide', 'messenger-check' ) },
		];
		var inspector = el(
			blockEditor.InspectorControls,
			{},
			el(
				components.PanelBody,
				{ title: __( 'Language and colours', 'messenger-check' ), initialOpen: true },
				el( components.SelectControl, {
					label: __( 'Language', 'messenger-check' ),
					value: a.lang,
					options: languages,
					onChange: function ( v ) {
						set( { lang: v } );
					},
				} ),
				el( components.SelectControl, {
					label: __( 'Colour scheme', 'messenger-check' ),
					value: a.theme,
					options: [
						{ value: '', label: __( 'As in the site settings', 'messenger-check' ) },
						{ value: 'auto', label: __( 'As the page (its color-scheme)', 'messenger-check' ) },
						{ value: 'light', label: __( 'Light', 'messenger-check' ) },
						{ value: 'dark', label: __( 'Dark', 'messenger-check' ) },
					],
					onChange: function ( v ) {
						set( { theme: v } );
					},
				} ),
				colour( props, 'accent', __( 'Accent colour (buttons, links)', 'messenger-check' ) ),
				colour( props, 'text', __( 'Text colour', 'messenger-check' ) ),
				colour( props, 'background', __( 'Background', 'messenger-check' ) )
			),
			el(
				components.PanelBody,
				{ title: __( 'Alternatives', 'messenger-check' ), initialOpen: false },
				el( 'p', {}, __( 'Choose "recommend" for one or more and the widget recommends only those; "hide" and it never names it.', 'messenger-check' ) ),
				data.messengers.map( function ( m ) {
					return el( components.SelectControl, {
						key: m.id,
						label: m.name,
						value: ( a.alternatives || {} )[ m.id ] || '',
						options: choices,
						onChange: function ( v ) {
							var next = Object.assign( {}, a.alternatives || {} );
							if ( v ) {
								next[ m.id ] = v;
							} else {
								delete next[ m.id ];
							}
							set( { alternatives: next } );
						},
					} );
				} )
			),
			el(
				components.PanelBody,
				{ title: __( 'Call to action', 'messenger-check' ), initialOpen: false },
				data.languages.map( function ( l ) {
					return el( components.TextControl, {
						key: l.code,
						/* translators: %s: a language's name in itself. */
						label: i18n.sprintf( __( 'Label (%s)', 'messenger-check' ), l.name ),
						value: ( a.ctaLabel || {} )[ l.code ] || '',
						onChange: function ( v ) {
							var next = Object.assign( {}, a.ctaLabel || {} );
							next[ l.code ] = v;
							set( { ctaLabel: next } );
						},
					} );
				} ),
				el( components.TextControl, {
					label: __( 'Address (https://…, mailto:… or /path)', 'messenger-check' ),
					value: a.ctaUrl,
					onChange: function ( v ) {
						set( { ctaUrl: v } );
					},
				} )
			)
		);
		var language = data.languages.filter( function ( l ) {
			return l.code === a.lang;
		} )[ 0 ];
		return [
			inspector,
			el(
				'div',
				Object.assign( { key: 'preview' }, blockProps ),
				el( 'strong', {}, 'Messenger-Check' ),
				el(
					'p',
					{},
					( language ? language.name + ' · ' : '' ) +
						__( 'The GDPR check for messenger use appears here on the published page. Its settings are in the block sidebar.', 'messenger-check' )
				)
			),
		];
	}

	blocks.registerBlockType( 'messenger-check/widget', {
		edit: edit,
		save: function () {
			return null;
		},
	} );
}( window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components, window.wp.i18n ) );
